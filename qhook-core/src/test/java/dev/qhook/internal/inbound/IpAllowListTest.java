package dev.qhook.internal.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class IpAllowListTest {

  @Test
  void matchesAddressesAndCidrRangesOfBothFamilies() {
    IpAllowList list =
        IpAllowList.parse(List.of("10.0.0.0/8", "192.168.1.7", "2001:db8::/32", "172.16.0.0/12"));

    assertThat(list.allows("10.200.3.4")).isTrue();
    assertThat(list.allows("11.0.0.1")).isFalse();
    assertThat(list.allows("192.168.1.7")).isTrue();
    assertThat(list.allows("192.168.1.8")).isFalse();
    assertThat(list.allows("172.31.255.255")).isTrue();
    assertThat(list.allows("172.32.0.0")).isFalse();
    assertThat(list.allows("2001:db8:ffff::1")).isTrue();
    assertThat(list.allows("2001:db9::1")).isFalse();
    assertThat(list.allows("::ffff:10.1.1.1")).isTrue();
  }

  @Test
  void neverResolvesHostNames() {
    IpAllowList list = IpAllowList.parse(List.of("127.0.0.0/8"));

    assertThat(list.allows("localhost")).isFalse();
    assertThatThrownBy(() -> IpAllowList.parse(List.of("example.com")))
        .hasMessageContaining("not an IP address");
    assertThatThrownBy(() -> IpAllowList.parse(List.of("10.0.0.0/33")))
        .hasMessageContaining("prefix length");
  }
}
