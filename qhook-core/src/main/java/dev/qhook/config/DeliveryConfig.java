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
 * @param maxStepPayload the largest input or output of a workflow step, in bytes of JSON text;
 *     default {@value #DEFAULT_MAX_STEP_PAYLOAD} (256 KiB); a step over it fails with class 4xx
 */
public record DeliveryConfig(
    Duration timeout,
    RetryPolicy defaultRetry,
    @Nullable Duration eventTtl,
    @Nullable String signingSecret,
    int maxStepPayload) {
  public static final int DEFAULT_MAX_STEP_PAYLOAD = 262_144;

  /** With the default step payload limit. */
  public DeliveryConfig(
      Duration timeout,
      RetryPolicy defaultRetry,
      @Nullable Duration eventTtl,
      @Nullable String signingSecret) {
    this(timeout, defaultRetry, eventTtl, signingSecret, DEFAULT_MAX_STEP_PAYLOAD);
  }

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  public static final DeliveryConfig DEFAULT =
      new DeliveryConfig(DEFAULT_TIMEOUT, RetryPolicy.DEFAULT, null, null);

  public DeliveryConfig {
    requireNonNull(timeout, "timeout");
    requireNonNull(defaultRetry, "defaultRetry");
    if (maxStepPayload < 1) {
      throw new IllegalArgumentException("maxStepPayload must be >= 1, was " + maxStepPayload);
    }
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
        + ", maxStepPayload="
        + maxStepPayload
        + "]";
  }
}
