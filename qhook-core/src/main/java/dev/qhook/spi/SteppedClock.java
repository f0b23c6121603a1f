package dev.qhook.spi;

/**
 * Implemented by a {@link java.time.Clock} that moves only when told, such as the testkit's {@code
 * ManualClock}. Given such a clock ({@code QHook.builder().clock(...)}), the engine runs its timed
 * work on it instead of on real time: each move of the clock runs, on the thread that moved it,
 * what became due (lost-job and lease-expiry sweeps, the event TTL sweep, run deadlines and
 * callback timeouts, cron ticks), then asks the dispatcher to claim due deliveries (retries,
 * rate-limited jobs) at once. With any other clock the engine uses real timers, and nothing here is
 * called.
 */
public interface SteppedClock {
  /**
   * Runs {@code listener} on the moving thread after each later move of the clock, until the
   * returned registration is cancelled.
   */
  Registration onChange(Runnable listener);

  /** A listener's registration. */
  interface Registration {
    /** Stops calling the listener; calling it again does nothing. */
    void cancel();
  }
}
