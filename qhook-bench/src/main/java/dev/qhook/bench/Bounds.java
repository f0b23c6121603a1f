package dev.qhook.bench;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Every wait of the kit is bounded: a run that stalls fails instead of hanging. */
final class Bounds {
  private Bounds() {}

  /**
   * A generous bound for {@code count} operations at no less than {@code slowestRate} per second,
   * and never below 30 s.
   */
  static Duration forRate(int count, int slowestRate) {
    return Duration.ofSeconds(Math.max(30, count / slowestRate + 1));
  }

  /** Polls every millisecond until the condition holds; false when {@code atMost} passed. */
  static boolean await(BooleanSupplier condition, Duration atMost) throws InterruptedException {
    long deadline = System.nanoTime() + atMost.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      Thread.sleep(1);
    }
    return true;
  }
}
