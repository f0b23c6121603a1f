package dev.qhook.internal.ingest;

import dev.qhook.spi.ClaimedJob;
import java.time.Duration;
import java.util.List;

/**
 * Takes jobs from ingest straight to this instance's workers: a job stored already leased (as if
 * claimed in the ingest transaction) skips the claim, its transaction and the wait for it, while
 * the workers have room for it (docs/architecture.md, "Hand-off at ingest"). Everything else is
 * claimed as before.
 */
public interface HandOff {
  /**
   * Reserves up to {@code wanted} places for jobs leased at ingest; returns how many it grants (0
   * when the workers are busy or the engine is not claiming). Every grant is settled by exactly one
   * {@link #settle}.
   */
  int reserve(int wanted);

  /**
   * Gives {@code reserved} places back, handing over {@code stored}: the leased jobs that were
   * stored (none when the event was a duplicate or its write failed).
   */
  void settle(int reserved, List<ClaimedJob> stored);

  /** How long a job leased at ingest is leased for: the claims' lease. */
  Duration lease();

  /** No hand-off: every job is claimed. */
  static HandOff none() {
    return new HandOff() {
      @Override
      public int reserve(int wanted) {
        return 0;
      }

      @Override
      public void settle(int reserved, List<ClaimedJob> stored) {}

      @Override
      public Duration lease() {
        return Duration.ZERO;
      }
    };
  }
}
