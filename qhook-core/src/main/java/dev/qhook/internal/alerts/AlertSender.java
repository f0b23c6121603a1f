package dev.qhook.internal.alerts;

import dev.qhook.Alert;
import dev.qhook.QHook;
import dev.qhook.config.AlertsConfig;
import dev.qhook.internal.metrics.EngineMetrics;
import dev.qhook.spi.AlertSink;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends alerts to {@code alerts.url} from a background thread (SPEC §10.3): a bounded buffer (full
 * means the alert is dropped with a warning), identical alerts at most once per 60 s, each POSTed
 * with a 10 s timeout and up to 3 tries. Alert URLs are not subject to the SSRF guard; redirects
 * are not followed.
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
  private final HttpClient client =
      HttpClient.newBuilder()
          .connectTimeout(TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final Thread worker;
  private volatile boolean closed;

  /**
   * Starts the sending thread.
   *
   * @param retryWaits the waits between tries ({@link #RETRY_WAITS}; tests pass zeros)
   */
  public AlertSender(
      AlertsConfig config, Clock clock, List<Duration> retryWaits, EngineMetrics metrics) {
    this.config = config;
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
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .header("User-Agent", "qhook/" + QHook.VERSION)
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    AlertPayloads.render(config.type(), alert), StandardCharsets.UTF_8))
            .build();
    String lastProblem = "";
    for (int attempt = 0; attempt <= retryWaits.size(); attempt++) {
      if (attempt > 0 && !pause(retryWaits.get(attempt - 1))) {
        return false;
      }
      try {
        int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status >= 200 && status < 300) {
          return true;
        }
        lastProblem = "status " + status;
      } catch (IOException e) {
        lastProblem = e.getClass().getSimpleName();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
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
