package dev.qhook.bench;

import java.nio.charset.StandardCharsets;

/** The event body every scenario posts: a JSON object of exactly {@link #SIZE} bytes. */
final class Payloads {
  static final int SIZE = 300;

  private Payloads() {}

  /** {@code {"order_id":N,"customer":"...","note":"xxx..."}} padded to {@link #SIZE} bytes. */
  static byte[] event(long orderId) {
    String head = "{\"order_id\":" + orderId + ",\"customer\":\"cus_bench\",\"note\":\"";
    String tail = "\"}";
    int pad = SIZE - head.length() - tail.length();
    if (pad < 0) {
      throw new IllegalArgumentException("order id too long: " + orderId);
    }
    return (head + "x".repeat(pad) + tail).getBytes(StandardCharsets.UTF_8);
  }
}
