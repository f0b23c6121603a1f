package dev.qhook.server.internal.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes that request bodies still arriving may hold together (docs/reference/http-api.md,
 * "Request processing"): {@code max_inbound} × {@code max_body_size}. Such requests hold no {@code
 * max_inbound} place, so without this many clients each sending most of a large body and then
 * stalling could fill the heap. Bytes are counted as they arrive, so a slow client holds only what
 * it has sent.
 */
final class BodyBudget {
  private final AtomicLong free;

  BodyBudget(long bytes) {
    this.bytes = bytes;
    this.free = new AtomicLong(bytes);
  }

  private final long bytes;

  /** Bytes held now. */
  long held() {
    return bytes - free.get();
  }

  /** {@code body}, counting each byte read against the budget until {@link Charged#close}. */
  Charged charge(InputStream body) {
    return new Charged(body);
  }

  private boolean tryTake(long bytes) {
    while (true) {
      long left = free.get();
      if (left < bytes) {
        return false;
      }
      if (free.compareAndSet(left, left - bytes)) {
        return true;
      }
    }
  }

  /**
   * A body being read. A read the budget cannot cover fails with 503 {@code overloaded}; {@link
   * #close} gives the bytes back (the stream itself is left open).
   */
  final class Charged extends FilterInputStream {
    private long held;

    private Charged(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        take(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        take(n);
      }
      return n;
    }

    private void take(int bytes) {
      if (!tryTake(bytes)) {
        throw ApiException.overloaded();
      }
      held += bytes;
    }

    /** Gives the bytes read back to the budget. */
    @Override
    public void close() {
      free.addAndGet(held);
      held = 0;
    }
  }
}
