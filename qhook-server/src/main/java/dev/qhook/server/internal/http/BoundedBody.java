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
   * Reads into an array of exactly the declared length when there is one within the limit (one
   * allocation for the usual small body), else in chunks.
   *
   * @param declaredLength {@code Content-Length}, or -1 when absent
   * @throws ApiException 413 when the body is longer than {@code limit}
   */
  static byte[] read(InputStream in, long limit, long declaredLength) {
    if (declaredLength < 0 || declaredLength > limit) {
      return read(in, limit);
    }
    try {
      byte[] body = in.readNBytes((int) declaredLength);
      int next = body.length < declaredLength ? -1 : in.read();
      if (next < 0) {
        return body;
      }
      // More than declared: go on as if nothing had been declared.
      ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + CHUNK);
      out.write(body);
      out.write(next);
      return readInto(out, in, limit);
    } catch (IOException e) {
      throw new UncheckedIOException("reading the request body failed", e);
    }
  }

  /**
   * @throws ApiException 413 when the body is longer than {@code limit}
   */
  static byte[] read(InputStream in, long limit) {
    return readInto(new ByteArrayOutputStream((int) Math.min(limit + 1, CHUNK)), in, limit);
  }

  private static byte[] readInto(ByteArrayOutputStream out, InputStream in, long limit) {
    if (out.size() > limit) {
      throw ApiException.payloadTooLarge(limit);
    }
    byte[] buffer = new byte[CHUNK];
    long total = out.size();
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
