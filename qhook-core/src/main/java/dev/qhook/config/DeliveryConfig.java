package dev.qhook.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The {@code delivery} section (docs/reference/configuration.md, "delivery").
 *
 * @param timeout default HTTP timeout of every outgoing delivery; default 30 s
 * @param defaultRetry the retry block every other block falls back to; default {@link
 *     RetryPolicy#DEFAULT}
 * @param eventTtl undelivered handler, queue and outbound jobs older than this go dead; null = off
 * @param signingSecret Standard Webhooks signing secret for handler and step deliveries, or null
 */
public record DeliveryConfig(
    Duration timeout,
    RetryPolicy defaultRetry,
    @Nullable Duration eventTtl,
    @Nullable String signingSecret) {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  public static final DeliveryConfig DEFAULT =
      new DeliveryConfig(DEFAULT_TIMEOUT, RetryPolicy.DEFAULT, null, null);

  public DeliveryConfig {
    requireNonNull(timeout, "timeout");
    requireNonNull(defaultRetry, "defaultRetry");
  }

  @Override
  public String toString() {
    return "DeliveryConfig[timeout="
        + timeout
        + ", defaultRetry="
        + defaultRetry
        + ", eventTtl="
        + eventTtl
        + ", signingSecret="
        + (signingSecret == null ? "unset" : "***")
        + "]";
  }
}
