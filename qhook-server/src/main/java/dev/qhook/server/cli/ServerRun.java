package dev.qhook.server.cli;

import dev.qhook.QHook;
import dev.qhook.config.LoadedConfig;
import dev.qhook.config.QHookConfig;
import dev.qhook.server.PrometheusMetrics;
import dev.qhook.server.QHookServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of {@code qhook start} (docs/architecture.md, "The server"): load config, start the
 * engine (migrations, worker), listen, wait for the stop signal, then turn readiness off, finish
 * requests in progress, drain the engine and return 0.
 */
final class ServerRun implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(ServerRun.class);

  private final CliContext context;
  private final Path file;
  private final @Nullable String envName;

  ServerRun(CliContext context, Path file, @Nullable String envName) {
    this.context = context;
    this.file = file;
    this.envName = envName;
  }

  @Override
  public Integer call() throws InterruptedException {
    LoadedConfig loaded = ConfigFiles.load(context, file, envName);
    loaded.warnings().forEach(w -> log.warn("config: {}", w));
    QHookConfig config = loaded.config();
    PrometheusMeterRegistry registry = PrometheusMetrics.create();
    BackgroundStartup background = BackgroundStartup.begin(registry);
    QHook engine = startEngine(config, registry);
    background.await();
    QHookServer server;
    try {
      server = QHookServer.builder(engine).start();
    } catch (UncheckedIOException e) {
      engine.close();
      throw new CliFailure(e.getMessage() + ": " + e.getCause().getMessage());
    }
    StartupReport.log(config, server.port());
    context.stop().onHangup(new ConfigReload(context, file, envName, config, engine::raiseAlert));
    try {
      context.stop().await();
      log.info("shutting down: not ready, finishing requests, draining deliveries");
    } finally {
      server.stop(QHookServer.DEFAULT_STOP_GRACE);
      engine.close();
      context.stop().markFinished();
    }
    log.info("stopped");
    return 0;
  }

  private static QHook startEngine(QHookConfig config, PrometheusMeterRegistry registry) {
    QHook engine;
    try {
      engine = QHook.builder().config(config).meterRegistry(registry).build();
    } catch (RuntimeException e) {
      throw new CliFailure("cannot open the database: " + e.getMessage());
    }
    try {
      engine.start();
      return engine;
    } catch (RuntimeException e) {
      engine.close();
      throw new CliFailure("cannot start: " + e.getMessage());
    }
  }
}
