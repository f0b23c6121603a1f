package dev.qhook.internal.workflow.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** docs/reference/configuration.md, "Callbacks": tokens. */
class CallbackTokensTest {

  @Test
  void aTokenIs52CrockfordCharacters() {
    String token = CallbackTokens.issue();

    assertThat(token).hasSize(52).matches("[0-9A-HJKMNP-TV-Z]{52}");
    assertThat(CallbackTokens.wellFormed(token)).isTrue();
  }

  @Test
  void tokensDoNotRepeat() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      assertThat(seen.add(CallbackTokens.issue(new SecureRandom()))).isTrue();
    }
  }

  @Test
  void allBitsSetEncodeAsAllZ() {
    byte[] ones = new byte[33];
    Arrays.fill(ones, (byte) 0xFF);

    assertThat(CallbackTokens.encode(ones)).isEqualTo("Z".repeat(52));
    assertThat(CallbackTokens.encode(new byte[33])).isEqualTo("0".repeat(52));
  }

  @Test
  void eachCharacterCarriesFiveBitsInOrder() {
    byte[] bytes = new byte[33];
    bytes[0] = (byte) 0b0000_1000; // bits 0-4 = 00001, bits 5-9 start with 000
    bytes[32] = (byte) 0b0001_0000; // bits 255-259 = 0 + 0001: the last character is 00001

    String token = CallbackTokens.encode(bytes);

    assertThat(token.charAt(0)).isEqualTo('1');
    assertThat(token.substring(1, 51)).isEqualTo("0".repeat(50));
    assertThat(token.charAt(51)).isEqualTo('1');
  }

  @Test
  void onlyExactTokensAreWellFormed() {
    String token = CallbackTokens.issue();

    assertThat(CallbackTokens.wellFormed(token.substring(1))).isFalse();
    assertThat(CallbackTokens.wellFormed(token + "0")).isFalse();
    assertThat(CallbackTokens.wellFormed(token.toLowerCase())).isFalse();
    assertThat(CallbackTokens.wellFormed("I" + token.substring(1))).isFalse();
    assertThat(CallbackTokens.wellFormed("U" + token.substring(1))).isFalse();
    assertThat(CallbackTokens.wellFormed("")).isFalse();
    assertThat(CallbackTokens.wellFormed("../" + token.substring(3))).isFalse();
  }

  @Test
  void theDigestIsTheSha256OfTheToken() {
    assertThat(CallbackTokens.digest("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Property
  void everyEncodingIsWellFormedAndDistinctBytesGiveDistinctTokens(
      @ForAll @Size(33) byte[] a, @ForAll @Size(33) byte[] b) {
    a[32] &= (byte) 0xF0; // the last 4 bits are not carried
    b[32] &= (byte) 0xF0;

    assertThat(CallbackTokens.wellFormed(CallbackTokens.encode(a))).isTrue();
    assertThat(CallbackTokens.encode(a).equals(CallbackTokens.encode(b)))
        .isEqualTo(Arrays.equals(a, b));
  }
}
