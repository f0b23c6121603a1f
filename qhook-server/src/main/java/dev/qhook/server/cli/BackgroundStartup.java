package dev.qhook.server.cli;

import dev.qhook.server.PrometheusMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up work that does not depend on the config or the database, done on a second thread while
 * the main thread opens the database: binding the JVM meters (about 400 classes) and initialising
 * the default TLS context that the delivery client needs (about 500 classes and the CA
 * certificates). Each is a tenth of a second or so on a small machine, and both are waited for
 * before the server listens, so nothing is missing once it is ready.
 */
final class BackgroundStartup {
  private static final Logger log = LoggerFactory.getLogger(BackgroundStartup.class);
  private static final Duration MAX_WAIT = Duration.ofSeconds(30);

  private final CompletableFuture<Void> done;

  private BackgroundStartup(CompletableFuture<Void> done) {
    this.done = done;
  }

  static BackgroundStartup begin(MeterRegistry registry) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                PrometheusMetrics.bindJvmMetrics(registry);
                initialiseTls();
                done.complete(null);
              } catch (RuntimeException | Error e) {
                done.completeExceptionally(e);
              }
            },
            "qhook-startup");
    thread.setDaemon(true);
    thread.start();
    return new BackgroundStartup(done);
  }

  /** Waits until the background work is done; a failure there is logged, not fatal. */
  void await() throws InterruptedException {
    try {
      done.get(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      log.warn("JVM metrics or TLS defaults could not be set up: {}", e.getCause().toString());
    } catch (TimeoutException e) {
      log.warn("JVM metrics and TLS defaults still not set up after {}; going on", MAX_WAIT);
    }
  }

  private static void initialiseTls() {
    try {
      SSLContext.getDefault();
    } catch (NoSuchAlgorithmException e) {
      // The delivery client reports this itself when it needs TLS.
    }
  }
}
