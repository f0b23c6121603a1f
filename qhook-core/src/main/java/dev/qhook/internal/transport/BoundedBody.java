package dev.qhook.internal.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Reads a response body, failing as soon as it exceeds a limit. */
final class BoundedBody {
  private static final int CHUNK = 8192;

  /** A declared length up to this is read into an array of exactly that size. */
  static final int PREALLOCATE_AT_MOST = 64 * 1024;

  private BoundedBody() {}

  /** The body was larger than the limit; the rest of it was not read. */
  static final class TooLargeException extends IOException {
    TooLargeException(int limit) {
      super("response body larger than " + limit + " bytes");
    }
  }

  /**
   * Reads {@code in} to its end.
   *
   * @param declaredLength the Content-Length, or a negative number when unknown
   * @throws TooLargeException once more than {@code limit} bytes arrive (or are announced)
   */
  static byte[] read(InputStream in, long declaredLength, int limit) throws IOException {
    if (declaredLength > limit) {
      throw new TooLargeException(limit);
    }
    if (declaredLength >= 0 && declaredLength <= PREALLOCATE_AT_MOST) {
      byte[] body = new byte[(int) declaredLength];
      int n = in.readNBytes(body, 0, body.length);
      return n == body.length ? body : Arrays.copyOf(body, n);
    }
    // Unknown or large: grow with the bytes that actually arrive, so a server that announces a
    // large body and then stalls does not make every waiting worker hold the whole of it.
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(CHUNK);
    byte[] chunk = new byte[CHUNK];
    int n;
    while ((n = in.read(chunk)) != -1) {
      if (bytes.size() + n > limit) {
        throw new TooLargeException(limit);
      }
      bytes.write(chunk, 0, n);
    }
    return bytes.toByteArray();
  }
}
