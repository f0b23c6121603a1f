package dev.qhook.internal.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpLiteralsTest {
  @Test
  void parsesIpv4AndIpv6WithOrWithoutBrackets() throws Exception {
    assertThat(IpLiterals.parse("10.1.2.3")).contains(InetAddress.getByName("10.1.2.3"));
    assertThat(IpLiterals.parse("[::1]")).contains(InetAddress.getByName("::1"));
    assertThat(IpLiterals.parse("2001:db8::5")).contains(InetAddress.getByName("2001:db8::5"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "localhost",
        "example.com",
        "256.1.1.1",
        "1.2.3",
        "01.2.3.4",
        "abc",
        "1:2:3:x::",
        ""
      })
  void hostNamesAndMalformedAddressesAreNotLiterals(String text) {
    assertThat(IpLiterals.parse(text)).isEmpty();
  }

  @Test
  void rangesContainTheirAddresses() {
    IpRange v4 = IpRange.parse("10.0.0.0/8").orElseThrow();
    assertThat(v4.contains(IpLiterals.parse("10.200.3.4").orElseThrow())).isTrue();
    assertThat(v4.contains(IpLiterals.parse("11.0.0.1").orElseThrow())).isFalse();
    IpRange odd = IpRange.parse("192.168.4.0/22").orElseThrow();
    assertThat(odd.contains(IpLiterals.parse("192.168.7.255").orElseThrow())).isTrue();
    assertThat(odd.contains(IpLiterals.parse("192.168.8.0").orElseThrow())).isFalse();
    IpRange single = IpRange.parse("2001:db8::1").orElseThrow();
    assertThat(single.prefixLength()).isEqualTo(128);
    assertThat(single.contains(IpLiterals.parse("10.0.0.1").orElseThrow())).isFalse();
    assertThat(IpRange.parse("10.0.0.0/33")).isEmpty();
    assertThat(IpRange.parse("10.0.0.0/x")).isEmpty();
  }
}
