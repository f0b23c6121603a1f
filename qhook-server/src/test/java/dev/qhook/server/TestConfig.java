package dev.qhook.server;

import dev.qhook.config.ApiConfig;
import dev.qhook.config.DatabaseConfig;
import dev.qhook.config.DeliveryConfig;
import dev.qhook.config.HandlerConfig;
import dev.qhook.config.QHookConfig;
import dev.qhook.config.RetentionConfig;
import dev.qhook.config.RetryPolicy;
import dev.qhook.config.ServerConfig;
import dev.qhook.config.SourceConfig;
import dev.qhook.config.SourceType;
import dev.qhook.config.WorkerConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Builds engine configs in code for server tests: loopback, private URLs allowed, defaults. */
final class TestConfig {
  int maxBodySize = 1_048_576;
  int maxInbound = 100;
  int ipRateLimit = 0;
  boolean trustProxy = false;
  @Nullable String authToken;
  @Nullable String metricsToken;
  private final Map<String, SourceConfig> sources = new LinkedHashMap<>();
  private final Map<String, HandlerConfig> handlers = new LinkedHashMap<>();

  TestConfig eventSource(String name) {
    return source(name, SourceType.EVENT, null, List.of());
  }

  TestConfig webhookSource(String name) {
    return source(name, SourceType.WEBHOOK, null, List.of());
  }

  TestConfig source(
      String name, SourceType type, @Nullable String verify, List<String> allowedIps) {
    SourceConfig d = SourceConfig.of(name, type);
    sources.put(
        name,
        new SourceConfig(
            name,
            type,
            verify,
            verify == null ? List.of() : List.of("secret"),
            d.publicUrl(),
            d.tolerance(),
            allowedIps,
            d.schema(),
            d.skipVerify(),
            d.schedule(),
            d.timezone(),
            d.retry(),
            d.timeout(),
            d.rotationGrace(),
            d.disableAfter()));
    return this;
  }

  TestConfig handler(String name, String source, String url) {
    return handler(name, source, url, RetryPolicy.DEFAULT);
  }

  TestConfig handler(String name, String source, String url, RetryPolicy retry) {
    handlers.put(
        name,
        new HandlerConfig(
            name,
            source,
            List.of(),
            url,
            "POST",
            Map.of(),
            null,
            null,
            null,
            retry,
            Duration.ofSeconds(5),
            null,
            null,
            null));
    return this;
  }

  /** A retry block with {@code max} attempts and short fixed delays. */
  static RetryPolicy attempts(int max) {
    return new RetryPolicy(
        max,
        dev.qhook.config.Backoff.FIXED,
        Duration.ofMillis(50),
        Duration.ofMillis(50),
        false,
        RetryPolicy.DEFAULT.errors());
  }

  QHookConfig build() {
    return new QHookConfig(
        DatabaseConfig.DEFAULT,
        new ServerConfig(
            "127.0.0.1", 0, null, maxBodySize, maxInbound, ipRateLimit, trustProxy, true, false),
        new ApiConfig(authToken, metricsToken),
        DeliveryConfig.DEFAULT,
        new WorkerConfig(
            10, 10, Duration.ofSeconds(300), Duration.ofSeconds(5), Duration.ofHours(72)),
        RetentionConfig.DEFAULT,
        sources,
        handlers,
        Map.of(),
        Map.of(),
        null);
  }
}
