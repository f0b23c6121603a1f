package dev.qhook.internal.inbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports rejected signatures (docs/reference/http-api.md, "POST /webhooks/{source}"): each one is
 * counted; the first of a source in a {@link #WINDOW} (60 s) raises a {@code verification_failure}
 * alert, which the engine logs at WARN; the others of that minute are logged at DEBUG with a count,
 * and the next alert says how many there were. A flood of forged requests so costs one WARN line
 * per source per minute.
 */
final class VerificationReports {
  private static final Logger log = LoggerFactory.getLogger(VerificationReports.class);

  /** How often a source's rejected signatures are alerted at most: once per 60 seconds. */
  static final Duration WINDOW = Duration.ofSeconds(60);

  private static final class Window {
    final Instant start;
    int quiet;

    Window(Instant start) {
      this.start = start;
    }
  }

  private final Consumer<String> count;
  private final BiConsumer<String, String> alert;
  private final Clock clock;
  private final Map<String, Window> windows = new HashMap<>();

  /**
   * @param count counts a rejected signature of a source
   * @param alert raises the alert: (source, reason class)
   */
  VerificationReports(Consumer<String> count, BiConsumer<String, String> alert, Clock clock) {
    this.count = count;
    this.alert = alert;
    this.clock = clock;
  }

  /** Counts the failure, then alerts it or logs it at DEBUG. Sources are the configured ones. */
  void report(String source, String reason) {
    count.accept(source);
    int quiet;
    boolean alerting;
    synchronized (windows) {
      Instant now = clock.instant();
      Window window = windows.get(source);
      alerting = window == null || !now.isBefore(window.start.plus(WINDOW));
      if (alerting) {
        quiet = window == null ? 0 : window.quiet;
        windows.put(source, new Window(now));
      } else {
        quiet = ++window.quiet;
      }
    }
    if (alerting) {
      alert.accept(
          source, quiet == 0 ? reason : reason + " (" + quiet + " more since the last alert)");
    } else {
      log.debug(
          "signature verification failed for source '{}': {} ({} since the last alert; alerted at"
              + " most once a minute per source)",
          source,
          reason,
          quiet);
    }
  }
}
