package dev.qhook.config;

import static java.util.Objects.requireNonNull;

import dev.qhook.verify.WebhookVerifiers;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code sources.<name>} (docs/reference/configuration.md, "sources"). Keys that do not apply to
 * the source's type hold their defaults. In code, start from {@link #webhook}, {@link #event},
 * {@link #sns} or {@link #builder}; the source is validated when the {@link QHookConfig} holding it
 * is built.
 *
 * @param verify signature scheme (one of {@link #VERIFY_SCHEMES}) of a webhook source, or null
 * @param secrets the {@code secret} string or list; any may match (rotation)
 * @param publicUrl for {@code twilio}: the URL configured at the provider, or null
 * @param tolerance allowed clock difference for timestamped schemes; default 300 s
 * @param allowedIps addresses or CIDR blocks; empty means every client
 * @param schema JSON Schema as JSON text (an inline YAML mapping is converted), or null
 * @param skipVerify for {@code sns}: skip signature and certificate-host checks
 * @param topicArns for {@code sns}: the topics whose messages are accepted; empty means every topic
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
    List<String> topicArns,
    @Nullable String schedule,
    ZoneId timezone,
    RetryPolicy retry,
    Duration timeout,
    Duration rotationGrace,
    Duration disableAfter) {
  /**
   * The {@code verify} schemes qhook-verify implements, in the order of docs/verifying-webhooks.md.
   */
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
    topicArns = List.copyOf(topicArns);
    requireNonNull(timezone, "timezone");
    requireNonNull(retry, "retry");
    requireNonNull(timeout, "timeout");
    requireNonNull(rotationGrace, "rotationGrace");
    requireNonNull(disableAfter, "disableAfter");
  }

  /**
   * A source without {@code topic_arns}: the constructor of versions before that key, kept so that
   * code written for them compiles.
   */
  public SourceConfig(
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
    this(
        name,
        type,
        verify,
        secrets,
        publicUrl,
        tolerance,
        allowedIps,
        schema,
        skipVerify,
        List.of(),
        schedule,
        timezone,
        retry,
        timeout,
        rotationGrace,
        disableAfter);
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
        List.of(),
        null,
        ZoneOffset.UTC,
        RetryPolicy.DEFAULT,
        DeliveryConfig.DEFAULT_TIMEOUT,
        DEFAULT_ROTATION_GRACE,
        DEFAULT_DISABLE_AFTER);
  }

  /** A builder of a {@code webhook} source: {@code POST /webhooks/<name>}. */
  public static Builder webhook(String name) {
    return builder(name, SourceType.WEBHOOK);
  }

  /** A builder of an {@code event} source: {@code POST /events/<name>/<event_type>}. */
  public static Builder event(String name) {
    return builder(name, SourceType.EVENT);
  }

  /** A builder of an {@code sns} source: {@code POST /sns/<name>}. */
  public static Builder sns(String name) {
    return builder(name, SourceType.SNS);
  }

  /**
   * A builder of a source of {@code type} with every key at its default. {@code outbound} sources
   * are refused when the config is built: this version does not run them yet.
   */
  public static Builder builder(String name, SourceType type) {
    return new Builder(of(name, type));
  }

  /** A builder that starts from this source. */
  public Builder toBuilder() {
    return new Builder(this);
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
        + " hidden, topicArns="
        + topicArns
        + ", schedule="
        + schedule
        + "]";
  }

  /**
   * Builds a {@link SourceConfig}. Each method sets the key of the same name
   * (docs/reference/configuration.md, "sources"); a key that does not fit the source's type is
   * reported when the {@link QHookConfig} is built, as in a file.
   */
  public static final class Builder {
    private final String name;
    private final SourceType type;
    private @Nullable String verify;
    private final List<String> secrets;
    private @Nullable String publicUrl;
    private Duration tolerance;
    private List<String> allowedIps;
    private @Nullable String schema;
    private boolean skipVerify;
    private List<String> topicArns;
    private @Nullable String schedule;
    private ZoneId timezone;
    private RetryPolicy retry;
    private Duration timeout;
    private Duration rotationGrace;
    private Duration disableAfter;

    private Builder(SourceConfig from) {
      name = from.name;
      type = from.type;
      verify = from.verify;
      secrets = new ArrayList<>(from.secrets);
      publicUrl = from.publicUrl;
      tolerance = from.tolerance;
      allowedIps = from.allowedIps;
      schema = from.schema;
      skipVerify = from.skipVerify;
      topicArns = from.topicArns;
      schedule = from.schedule;
      timezone = from.timezone;
      retry = from.retry;
      timeout = from.timeout;
      rotationGrace = from.rotationGrace;
      disableAfter = from.disableAfter;
    }

    /** The signature scheme, one of {@link #VERIFY_SCHEMES}; needs a {@link #secret}. */
    public Builder verify(@Nullable String verify) {
      this.verify = verify;
      return this;
    }

    /** Adds a secret; call again to accept another one (rotation: any may match). */
    public Builder secret(String secret) {
      secrets.add(requireNonNull(secret, "secret"));
      return this;
    }

    /** Replaces every secret. */
    public Builder secrets(List<String> secrets) {
      this.secrets.clear();
      this.secrets.addAll(secrets);
      return this;
    }

    /** For {@code twilio}: the URL configured at the provider, without query string. */
    public Builder publicUrl(@Nullable String publicUrl) {
      this.publicUrl = publicUrl;
      return this;
    }

    /** Allowed clock difference for timestamped schemes; default {@link #DEFAULT_TOLERANCE}. */
    public Builder tolerance(Duration tolerance) {
      this.tolerance = requireNonNull(tolerance, "tolerance");
      return this;
    }

    /** Addresses or CIDR blocks; only these clients are accepted. Default: every client. */
    public Builder allowedIps(String... allowedIps) {
      this.allowedIps = List.of(allowedIps);
      return this;
    }

    /** A JSON Schema (draft 2020-12) as JSON text that every body must satisfy. */
    public Builder schema(@Nullable String schema) {
      this.schema = schema;
      return this;
    }

    /** For {@code sns}: skip the signature and certificate-host checks (local emulators). */
    public Builder skipVerify(boolean skipVerify) {
      this.skipVerify = skipVerify;
      return this;
    }

    /**
     * For {@code sns}: accept messages of these topics only ({@code TopicArn}, exact match); others
     * are refused with 403 {@code topic_not_allowed}. Default: every topic.
     */
    public Builder topicArns(String... topicArns) {
      return topicArns(List.of(topicArns));
    }

    /** For {@code sns}: as {@link #topicArns(String...)}. */
    public Builder topicArns(List<String> topicArns) {
      this.topicArns = List.copyOf(topicArns);
      return this;
    }

    /** For {@code cron}: 5 fields, or 6 with leading seconds. */
    public Builder schedule(@Nullable String schedule) {
      this.schedule = schedule;
      return this;
    }

    /** For {@code cron}; default UTC. */
    public Builder timezone(ZoneId timezone) {
      this.timezone = requireNonNull(timezone, "timezone");
      return this;
    }

    /** For {@code outbound}: the retry block of deliveries. */
    public Builder retry(RetryPolicy retry) {
      this.retry = requireNonNull(retry, "retry");
      return this;
    }

    /** For {@code outbound}: the HTTP timeout of deliveries. */
    public Builder timeout(Duration timeout) {
      this.timeout = requireNonNull(timeout, "timeout");
      return this;
    }

    /** For {@code outbound}: overlap after a secret rotation; default 24 h. */
    public Builder rotationGrace(Duration rotationGrace) {
      this.rotationGrace = requireNonNull(rotationGrace, "rotationGrace");
      return this;
    }

    /** For {@code outbound}: failure period before an endpoint is disabled; default 5 days. */
    public Builder disableAfter(Duration disableAfter) {
      this.disableAfter = requireNonNull(disableAfter, "disableAfter");
      return this;
    }

    public SourceConfig build() {
      return new SourceConfig(
          name,
          type,
          verify,
          secrets,
          publicUrl,
          tolerance,
          allowedIps,
          schema,
          skipVerify,
          topicArns,
          schedule,
          timezone,
          retry,
          timeout,
          rotationGrace,
          disableAfter);
    }
  }
}
