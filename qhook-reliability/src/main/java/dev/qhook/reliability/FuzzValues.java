package dev.qhook.reliability;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * The leaves of fuzzed requests: strings (any Unicode, non-Latin words, control characters, long
 * runs), numbers (the JSON edge cases: {@code 1e999}, {@code -0}, 30 digits...), path segments
 * (percent-encoded, malformed percent-encoding) and header values (any byte but CR and LF).
 */
final class FuzzValues {
  static final Arbitrary<String> ANY = Arbitraries.strings().all().ofMaxLength(40);
  static final Arbitrary<String> PRINTABLE = Arbitraries.strings().ascii().ofMaxLength(40);
  static final Arbitrary<String> WORD =
      Arbitraries.strings().withCharRange('a', 'z').withChars("._-").ofMinLength(1).ofMaxLength(20);
  static final Arbitrary<String> CONTROL =
      Arbitraries.strings()
          .withCharRange('\u0000', '\u001f')
          .withChars('\u007f')
          .ofMinLength(1)
          .ofMaxLength(3);
  static final Arbitrary<Integer> INTS = Arbitraries.integers();
  static final Arbitrary<Long> LONGS = Arbitraries.longs();
  static final Arbitrary<Double> DOUBLES = Arbitraries.doubles();
  static final Arbitrary<Integer> LONG_LENGTH = Arbitraries.integers().between(100, 5000);

  /** Words a gateway meets in the wild: Cyrillic, CJK, emoji, typographic dashes, currency. */
  static final List<String> NON_LATIN =
      List.of(
          "заказ",
          "платёж.создан",
          "注文",
          "订单.已创建",
          "🎉",
          "order–paid",
          "price€",
          "naïve",
          "Ωmega",
          "\u00a0nbsp",
          "\u200bzero-width",
          "\u202eRTL",
          "ß",
          "ÿ",
          "İ");

  static final List<String> NUMBERS =
      List.of(
          "1e999",
          "-1e999",
          "1e-999",
          "123456789012345678901234567890",
          "-0",
          "0.0",
          "1E+2",
          "9223372036854775808",
          "-9223372036854775809",
          "4.9e-324",
          "1.7976931348623157e308",
          "0.1",
          "100",
          "101",
          "1000000",
          "-5",
          "1.5e300");

  private final Gen gen;

  FuzzValues(Gen gen) {
    this.gen = gen;
  }

  /** A string value for a body or a header. */
  String text() {
    return switch (gen.below(10)) {
      case 0, 1 -> gen.draw(ANY);
      case 2, 3 -> gen.draw(WORD);
      case 4, 5 -> gen.pick(NON_LATIN);
      case 6 -> gen.draw(WORD) + gen.draw(CONTROL) + gen.draw(WORD);
      case 7 -> "x".repeat(gen.draw(LONG_LENGTH));
      case 8 -> gen.draw(PRINTABLE);
      default ->
          gen.pick(List.of("", " ", "null", "true", "0", "vip", "a", "abc", "${X}", "{{ $.id }}"));
    };
  }

  /** The text of a JSON number. */
  String number() {
    return switch (gen.below(4)) {
      case 0 -> gen.pick(NUMBERS);
      case 1 -> Integer.toString(gen.draw(INTS));
      case 2 -> Long.toString(gen.draw(LONGS));
      default -> {
        double d = gen.draw(DOUBLES);
        yield Double.isFinite(d) ? Double.toString(d) : "1e999";
      }
    };
  }

  /** An event type or source name as a path segment: encoded, raw, or malformed. */
  String segment() {
    String value =
        switch (gen.below(8)) {
          case 0, 1, 2 -> gen.draw(WORD);
          case 3, 4 -> gen.pick(NON_LATIN);
          case 5 -> gen.draw(WORD) + gen.draw(CONTROL);
          case 6 -> "t".repeat(gen.draw(LONG_LENGTH));
          default -> gen.draw(ANY);
        };
    return switch (gen.below(6)) {
      case 0 -> value.replaceAll("[^A-Za-z0-9._~-]", "_");
      case 1 ->
          gen.pick(
              List.of("%", "%zz", "%C3", "%00", "%2F", "..", "%2e%2e", "a%20b", "+", "%E2%80%93"));
      default -> encode(value);
    };
  }

  /** A header value: any character from U+0001 to U+00FF but CR and LF, or UTF-8 as Latin-1. */
  String headerValue() {
    String value = text();
    if (gen.chance(0.5)) {
      value = new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }
    StringBuilder out = new StringBuilder();
    for (char c : value.toCharArray()) {
      if (c != '\r' && c != '\n' && c <= 0xff && (c != 0 || gen.chance(0.3))) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Percent-encodes every byte outside the unreserved set. */
  static String encode(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "-._~".indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(String.format("%02X", c));
      }
    }
    return out.toString();
  }

  /** A JSON string literal; with {@code strict} false, control characters may stay raw. */
  static String quote(String value, boolean strict) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20 && strict) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
