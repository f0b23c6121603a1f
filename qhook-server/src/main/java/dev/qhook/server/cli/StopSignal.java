package dev.qhook.server.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a running {@code start}: SIGTERM or SIGINT in the real process, {@link #trigger()} in tests.
 */
public final class StopSignal {
  private static final Logger log = LoggerFactory.getLogger(StopSignal.class);

  private final CountDownLatch requested = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);
  private boolean handlesProcessSignals;

  /** A signal only {@link #trigger()} fires. */
  public static StopSignal manual() {
    return new StopSignal();
  }

  /**
   * A signal fired by SIGTERM and SIGINT. Handling the signals ourselves (instead of a shutdown
   * hook) lets the process drain and then exit with status 0. Where the JVM does not allow that, a
   * shutdown hook fires it and waits for the shutdown to finish.
   */
  static StopSignal onProcessSignals() {
    StopSignal stop = new StopSignal();
    stop.handlesProcessSignals = true;
    try {
      for (String name : new String[] {"TERM", "INT"}) {
        sun.misc.Signal.handle(new sun.misc.Signal(name), s -> stop.trigger());
      }
    } catch (RuntimeException | LinkageError unsupported) {
      log.debug("signal handlers unavailable ({}); using a shutdown hook", unsupported.toString());
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    stop.trigger();
                    stop.awaitFinished(Duration.ofMinutes(2));
                  },
                  "qhook-shutdown"));
    }
    return stop;
  }

  /**
   * Runs {@code action} on every SIGHUP of the real process; a manual signal ignores it. Without a
   * handler, SIGHUP would end the JVM.
   */
  void onHangup(Runnable action) {
    if (!handlesProcessSignals) {
      return;
    }
    try {
      sun.misc.Signal.handle(new sun.misc.Signal("HUP"), s -> action.run());
    } catch (RuntimeException | LinkageError unsupported) {
      log.debug("no SIGHUP handler: {}", unsupported.toString());
    }
  }

  public void trigger() {
    requested.countDown();
  }

  /** Blocks until the signal fires. */
  void await() throws InterruptedException {
    requested.await();
  }

  boolean isTriggered() {
    return requested.getCount() == 0;
  }

  /** Called once the shutdown is complete. */
  void markFinished() {
    finished.countDown();
  }

  void awaitFinished(Duration timeout) {
    try {
      finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
