package dev.qhook.internal.engine;

import static java.util.Objects.requireNonNull;

import dev.qhook.config.QHookConfig;
import dev.qhook.spi.AlertSink;
import dev.qhook.spi.Store;
import dev.qhook.spi.Transport;
import dev.qhook.verify.CertificateFetcher;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * What {@link dev.qhook.QHook.Builder} collected; null parts get the engine's defaults.
 *
 * @param store null: made from {@code database} and closed by the engine
 * @param transport null: Apache HttpClient 5 behind the SSRF guard
 * @param alertSink null: the built-in sender to {@code alerts.url}
 * @param certificates null: SNS certificates fetched through the transport, cached for an hour
 * @param subscribeUrlRule which SNS {@code SubscribeURL}s of verifying sources may be called
 */
public record EngineOptions(
    QHookConfig config,
    @Nullable Store store,
    @Nullable Transport transport,
    Clock clock,
    MeterRegistry registry,
    RandomGenerator random,
    @Nullable AlertSink alertSink,
    @Nullable CertificateFetcher certificates,
    Predicate<String> subscribeUrlRule) {

  public EngineOptions {
    requireNonNull(config, "config");
    requireNonNull(clock, "clock");
    requireNonNull(registry, "registry");
    requireNonNull(random, "random");
    requireNonNull(subscribeUrlRule, "subscribeUrlRule");
  }
}
