package dev.qhook.internal.metrics;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A database read shared by several gauges: done at most once a second, whichever gauge asks first.
 * A failed read yields null (the gauges then read NaN) and is tried again at the next ask.
 */
final class CachedRead<T> {
  private static final long FRESH_NANOS = 1_000_000_000L;

  private final Supplier<T> source;
  private @Nullable T value;
  private long readAtNanos;

  CachedRead(Supplier<T> source) {
    this.source = source;
  }

  synchronized @Nullable T get() {
    long now = System.nanoTime();
    if (value == null || now - readAtNanos > FRESH_NANOS) {
      try {
        value = source.get();
      } catch (RuntimeException e) {
        return null;
      }
      readAtNanos = now;
    }
    return value;
  }
}
