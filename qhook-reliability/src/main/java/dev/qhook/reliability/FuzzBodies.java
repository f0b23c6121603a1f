package dev.qhook.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Request bodies of the fuzzer: JSON documents built from {@link FuzzValues} with the keys that
 * qhook's routes, filters and signature schemes read, broken JSON, invalid UTF-8, deep nesting,
 * bodies around {@code server.max_body_size}, form data and gzip.
 */
final class FuzzBodies {
  static final List<String> KEYS =
      List.of(
          "id",
          "amount",
          "customer",
          "type",
          "action",
          "object_kind",
          "event",
          "event_type",
          "detail-type",
          "name",
          "tags",
          "data",
          "object",
          "notifications",
          "trigger",
          "status",
          "webhookTimestamp",
          "key",
          "items",
          "Message",
          "");

  private final Gen gen;
  private final FuzzValues values;

  FuzzBodies(Gen gen, FuzzValues values) {
    this.gen = gen;
    this.values = values;
  }

  /** Any body, JSON most of the time. */
  byte[] body() {
    int roll = gen.below(100);
    if (roll < 25) {
      return utf8(order());
    } else if (roll < 55) {
      return utf8(object(3, true));
    } else if (roll < 62) {
      return utf8(value(3, true));
    } else if (roll < 70) {
      String json = object(3, gen.chance(0.5));
      return utf8(json.substring(0, gen.below(json.length() + 1)));
    } else if (roll < 75) {
      byte[] bytes = new byte[gen.below(200)];
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = (byte) gen.below(256);
      }
      return bytes;
    } else if (roll < 80) {
      return new byte[0];
    } else if (roll < 84) {
      int depth = gen.pick(List.of(500, 1001, 5000, 100_000));
      String open = gen.chance(0.5) ? "[" : "{\"a\":";
      String close = open.equals("[") ? "]" : "}";
      return utf8(open.repeat(depth) + "1" + close.repeat(depth));
    } else if (roll < 88) {
      int size = gen.pick(List.of(262_100, 262_144, 262_145, 300_000));
      String head = "{\"id\":\"big\",\"note\":\"";
      return utf8(head + "x".repeat(Math.max(0, size - head.length() - 2)) + "\"}");
    } else if (roll < 93) {
      return utf8(
          "id="
              + FuzzValues.encode(values.text())
              + "&amount="
              + values.number()
              + "&type="
              + FuzzValues.encode(values.text()));
    } else if (roll < 97) {
      return gzip(utf8(object(2, true)));
    }
    return utf8(values.text());
  }

  /**
   * An order as the fuzz config's handlers read it: {@code id} (idempotency key), {@code customer}
   * (ordering key), {@code amount} (filter {@code >}, transform), {@code tags} ({@code contains}),
   * {@code name} ({@code matches}), each with fuzzed values.
   */
  String order() {
    StringBuilder out = new StringBuilder("{");
    out.append("\"id\":")
        .append(gen.chance(0.8) ? FuzzValues.quote(values.text(), true) : value(1, true));
    out.append(",\"amount\":").append(gen.chance(0.8) ? values.number() : value(1, true));
    out.append(",\"customer\":").append(FuzzValues.quote(values.text(), true));
    out.append(",\"tags\":[")
        .append(FuzzValues.quote(gen.chance(0.5) ? "vip" : values.text(), true));
    out.append("],\"name\":").append(FuzzValues.quote(values.text(), true));
    return out.append('}').toString();
  }

  /** A JSON object with some of {@link #KEYS}; {@code strict} false may leave raw controls. */
  String object(int depth, boolean strict) {
    StringBuilder out = new StringBuilder("{");
    int keys = gen.below(7);
    for (int i = 0; i < keys; i++) {
      if (i > 0) {
        out.append(',');
      }
      String key = gen.chance(0.8) ? gen.pick(KEYS) : values.text();
      out.append(FuzzValues.quote(key, strict)).append(':').append(value(depth - 1, strict));
    }
    return out.append('}').toString();
  }

  String value(int depth, boolean strict) {
    int roll = gen.below(depth > 0 ? 10 : 7);
    return switch (roll) {
      case 0, 1, 2 -> FuzzValues.quote(values.text(), strict);
      case 3, 4 -> values.number();
      case 5 -> gen.pick(List.of("true", "false"));
      case 6 -> "null";
      case 7, 8 -> object(depth - 1, strict);
      default -> {
        StringBuilder out = new StringBuilder("[");
        int n = gen.below(4);
        for (int i = 0; i < n; i++) {
          out.append(i > 0 ? "," : "").append(value(depth - 1, strict));
        }
        yield out.append(']').toString();
      }
    };
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
