package dev.qhook.server.internal.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads a request body up to a limit, never buffering more than the limit plus one byte. */
final class BoundedBody {
  private static final int CHUNK = 8192;

  private BoundedBody() {}

  /**
   * @throws ApiException 413 when the body is longer than {@code limit}
   */
  static byte[] read(InputStream in, long limit) {
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(limit + 1, CHUNK));
    byte[] buffer = new byte[CHUNK];
    long total = 0;
    try {
      while (true) {
        int want = (int) Math.min(buffer.length, limit + 1 - total);
        int n = in.read(buffer, 0, want);
        if (n < 0) {
          return out.toByteArray();
        }
        total += n;
        if (total > limit) {
          throw ApiException.payloadTooLarge(limit);
        }
        out.write(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading the request body failed", e);
    }
  }
}
