package dev.qhook.verify.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Strict {@code application/x-www-form-urlencoded} decoding, as Twilio signs it. */
public final class FormBody {

  /** One decoded parameter. */
  public record Param(String name, String value) {}

  /** Orders strings by Unicode code point (not UTF-16 unit, which differs above U+FFFF). */
  public static final Comparator<String> CODE_POINT_ORDER = FormBody::compareCodePoints;

  private FormBody() {}

  /** The parameters of a raw form body, or null if it has a bad escape or is not UTF-8. */
  public static @Nullable List<Param> parse(byte[] body) {
    List<Param> params = new ArrayList<>();
    int start = 0;
    while (start <= body.length) {
      int end = indexOf(body, (byte) '&', start, body.length);
      if (end > start) {
        int eq = indexOf(body, (byte) '=', start, end);
        String name = decode(body, start, eq);
        String value = eq < end ? decode(body, eq + 1, end) : "";
        if (name == null || value == null) {
          return null;
        }
        params.add(new Param(name, value));
      }
      start = end + 1;
    }
    return params;
  }

  /** Names in code-point order, each name's values in code-point order, concatenated. */
  public static String canonical(List<Param> params) {
    List<Param> sorted = new ArrayList<>(params);
    sorted.sort(
        Comparator.comparing(Param::name, CODE_POINT_ORDER)
            .thenComparing(Param::value, CODE_POINT_ORDER));
    StringBuilder out = new StringBuilder();
    for (Param param : sorted) {
      out.append(param.name()).append(param.value());
    }
    return out.toString();
  }

  /** Percent-decodes one component ({@code +} is a space) as strict UTF-8; null if invalid. */
  public static @Nullable String decode(String component) {
    byte[] bytes = component.getBytes(StandardCharsets.UTF_8);
    return decode(bytes, 0, bytes.length);
  }

  private static @Nullable String decode(byte[] raw, int from, int to) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
    for (int i = from; i < to; i++) {
      byte b = raw[i];
      if (b == '+') {
        bytes.write(' ');
      } else if (b == '%') {
        if (i + 2 >= to) {
          return null;
        }
        int high = Character.digit(raw[i + 1], 16);
        int low = Character.digit(raw[i + 2], 16);
        if (high < 0 || low < 0) {
          return null;
        }
        bytes.write(high * 16 + low);
        i += 2;
      } else {
        bytes.write(b);
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException notUtf8) {
      return null;
    }
  }

  private static int indexOf(byte[] bytes, byte wanted, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    return to;
  }

  private static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }
}
