package dev.qhook.server.internal.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** The UTF-8 check of SPEC §3.2. */
public final class Utf8 {
  private Utf8() {}

  public static boolean isValid(byte[] bytes) {
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

  /**
   * @throws ApiException 400 {@code invalid_encoding}
   */
  public static void require(byte[] bytes) {
    if (!isValid(bytes)) {
      throw ApiException.invalidEncoding();
    }
  }
}
