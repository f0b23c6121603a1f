package dev.qhook.internal.alerts;

import dev.qhook.Alert;
import dev.qhook.config.AlertsConfig;
import dev.qhook.internal.Version;
import dev.qhook.internal.metrics.EngineMetrics;
import dev.qhook.spi.AlertSink;
import dev.qhook.spi.Transport;
import dev.qhook.spi.TransportRequest;
import dev.qhook.spi.TransportResult;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends alerts to {@code alerts.url} from a background thread (docs/reference/configuration.md,
 * "alerts"): a bounded buffer (full means the alert is dropped with a warning), identical alerts at
 * most once per 60 s, each POSTed with a 10 s timeout and up to 3 tries, through the engine's
 * transport: the same HTTP stack and SSRF guard as deliveries (an alert URL on a private address
 * needs {@code server.allow_private_urls}). Redirects are not followed.
 */
public final class AlertSender implements AlertSink {
  private static final Logger log = LoggerFactory.getLogger(AlertSender.class);

  static final int CAPACITY = 1000;
  static final Duration TIMEOUT = Duration.ofSeconds(10);
  static final Duration DEDUPE_WINDOW = Duration.ofSeconds(60);

  /** Waits before the second and third try. */
  public static final List<Duration> RETRY_WAITS =
      List.of(Duration.ofSeconds(1), Duration.ofSeconds(5));

  private final AlertsConfig config;
  private final URI url;
  private final List<Duration> retryWaits;
  private final EngineMetrics metrics;
  private final AlertThrottle throttle;
  private final BlockingQueue<Alert> queue = new ArrayBlockingQueue<>(CAPACITY);
  private final Transport transport;
  private final Thread worker;
  private volatile boolean closed;

  /**
   * Starts the sending thread.
   *
   * @param transport sends the alerts; the caller closes it after this sender
   * @param retryWaits the waits between tries ({@link #RETRY_WAITS}; tests pass zeros)
   */
  public AlertSender(
      AlertsConfig config,
      Transport transport,
      Clock clock,
      List<Duration> retryWaits,
      EngineMetrics metrics) {
    this.config = config;
    this.transport = transport;
    this.url = URI.create(config.url());
    this.retryWaits = List.copyOf(retryWaits);
    this.metrics = metrics;
    this.throttle = new AlertThrottle(clock, DEDUPE_WINDOW);
    this.worker = new Thread(this::run, "qhook-alerts");
    worker.setDaemon(true);
    worker.start();
  }

  @Override
  public void raise(Alert alert) {
    if (closed || !throttle.tryPass(alert)) {
      return;
    }
    if (!queue.offer(alert)) {
      log.warn("alert buffer full ({} alerts); dropped {} alert", CAPACITY, alert.kind().label());
    }
  }

  private void run() {
    while (!closed) {
      Alert alert;
      try {
        alert = queue.take();
      } catch (InterruptedException e) {
        return;
      }
      if (deliver(alert)) {
        metrics.alertSent();
      } else {
        metrics.alertFailed();
      }
    }
  }

  /** Up to {@code 1 + retryWaits.size()} tries; true on a 2xx. */
  private boolean deliver(Alert alert) {
    TransportRequest request =
        new TransportRequest(
            "POST",
            url,
            Map.of("Content-Type", "application/json", "User-Agent", Version.USER_AGENT),
            AlertPayloads.render(config.type(), alert).getBytes(StandardCharsets.UTF_8),
            TIMEOUT);
    String lastProblem = "";
    for (int attempt = 0; attempt <= retryWaits.size(); attempt++) {
      if (attempt > 0 && !pause(retryWaits.get(attempt - 1))) {
        return false;
      }
      TransportResult result = transport.send(request);
      if (result instanceof TransportResult.Response response && response.isSuccess()) {
        return true;
      }
      lastProblem = result.describe();
    }
    log.warn(
        "sending {} alert failed after {} tries: {}",
        alert.kind().label(),
        retryWaits.size() + 1,
        lastProblem);
    return false;
  }

  private static boolean pause(Duration wait) {
    if (wait.isZero()) {
      return true;
    }
    try {
      Thread.sleep(wait.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Stops the sending thread; queued alerts are dropped. */
  @Override
  public void close() {
    closed = true;
    worker.interrupt();
  }
}
