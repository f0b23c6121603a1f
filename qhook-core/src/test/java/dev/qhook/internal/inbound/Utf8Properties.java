package dev.qhook.internal.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/** The UTF-8 byte loop agrees with the JDK's strict decoder on every input. */
class Utf8Properties {

  @Property(tries = 3000)
  void agreesWithTheJdkDecoder(@ForAll("utf8ish") byte[] bytes) {
    assertThat(Utf8.isValid(bytes)).isEqualTo(jdkAccepts(bytes));
  }

  @Property(tries = 500)
  void acceptsEveryEncodedString(@ForAll String text) {
    assertThat(Utf8.isValid(text.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(jdkAccepts(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** Mostly the bytes at the edges of the UTF-8 ranges, where a validator goes wrong. */
  @Provide
  Arbitrary<byte[]> utf8ish() {
    Arbitrary<Byte> edges =
        Arbitraries.of(
                0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0,
                0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xF8, 0xFF)
            .map(Integer::byteValue);
    Arbitrary<Byte> any = Arbitraries.bytes();
    return Arbitraries.frequencyOf(Tuple.of(4, edges), Tuple.of(1, any))
        .array(byte[].class)
        .ofMaxSize(12);
  }

  private static boolean jdkAccepts(byte[] bytes) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  @Test
  void utf8CheckRejectsMalformedAndOverlongSequences() {
    assertThat(Utf8.isValid("héllo ✓ 😀".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .isTrue();
    assertThat(Utf8.isValid(new byte[] {(byte) 0xC3, 0x28})).isFalse();
    assertThat(Utf8.isValid(new byte[] {(byte) 0xC0, (byte) 0xAF})).isFalse();
    assertThat(Utf8.isValid(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})).isFalse();
  }
}
