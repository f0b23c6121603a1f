package dev.qhook.config;

import static java.util.Objects.requireNonNull;

import dev.qhook.verify.WebhookVerifiers;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code sources.<name>} (SPEC §2.6). Keys that do not apply to the source's type hold their
 * defaults.
 *
 * @param verify signature scheme (one of {@link #VERIFY_SCHEMES}) of a webhook source, or null
 * @param secrets the {@code secret} string or list; any may match (rotation)
 * @param publicUrl for {@code twilio}: the URL configured at the provider, or null
 * @param tolerance allowed clock difference for timestamped schemes; default 300 s
 * @param allowedIps addresses or CIDR blocks; empty means every client
 * @param schema JSON Schema as JSON text (an inline YAML mapping is converted), or null
 * @param skipVerify for {@code sns}: skip signature and certificate-host checks
 * @param schedule for {@code cron}: 5 fields, or 6 with leading seconds
 * @param timezone for {@code cron}; default UTC
 * @param retry for {@code outbound}: retry block of deliveries
 * @param timeout for {@code outbound}: HTTP timeout; default {@code delivery.timeout}
 * @param rotationGrace for {@code outbound}: overlap after a secret rotation; default 24 h
 * @param disableAfter for {@code outbound}: failure period before an endpoint is disabled; default
 *     5 days
 */
public record SourceConfig(
    String name,
    SourceType type,
    @Nullable String verify,
    List<String> secrets,
    @Nullable String publicUrl,
    Duration tolerance,
    List<String> allowedIps,
    @Nullable String schema,
    boolean skipVerify,
    @Nullable String schedule,
    ZoneId timezone,
    RetryPolicy retry,
    Duration timeout,
    Duration rotationGrace,
    Duration disableAfter) {
  /** The {@code verify} schemes of SPEC §8.1, in spec order: those qhook-verify implements. */
  public static final List<String> VERIFY_SCHEMES = List.copyOf(WebhookVerifiers.SCHEMES);

  public static final Duration DEFAULT_TOLERANCE = Duration.ofSeconds(300);
  public static final Duration DEFAULT_ROTATION_GRACE = Duration.ofHours(24);
  public static final Duration DEFAULT_DISABLE_AFTER = Duration.ofDays(5);

  public SourceConfig {
    requireNonNull(name, "name");
    requireNonNull(type, "type");
    secrets = List.copyOf(secrets);
    requireNonNull(tolerance, "tolerance");
    allowedIps = List.copyOf(allowedIps);
    requireNonNull(timezone, "timezone");
    requireNonNull(retry, "retry");
    requireNonNull(timeout, "timeout");
    requireNonNull(rotationGrace, "rotationGrace");
    requireNonNull(disableAfter, "disableAfter");
  }

  /** A source of {@code type} with every other key at its default. */
  public static SourceConfig of(String name, SourceType type) {
    return new SourceConfig(
        name,
        type,
        null,
        List.of(),
        null,
        DEFAULT_TOLERANCE,
        List.of(),
        null,
        false,
        null,
        ZoneOffset.UTC,
        RetryPolicy.DEFAULT,
        DeliveryConfig.DEFAULT_TIMEOUT,
        DEFAULT_ROTATION_GRACE,
        DEFAULT_DISABLE_AFTER);
  }

  @Override
  public String toString() {
    return "SourceConfig[name="
        + name
        + ", type="
        + type
        + ", verify="
        + verify
        + ", secrets="
        + secrets.size()
        + " hidden, schedule="
        + schedule
        + "]";
  }
}
