package dev.qhook.spi;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A customer endpoint of an outbound source, as stored (docs/reference/http-api.md, "Outbound
 * endpoints"). Build one with {@link #builder}; change one with {@link #toBuilder}.
 *
 * @param secret the signing secret, {@code whsec_} + base64 of 32 bytes
 * @param previousSecret the secret before the last rotation, still signing until {@code
 *     previousSecretExpiresAt}; null when none
 * @param failingSince when the current run of failed attempts began; null after a success
 * @param disabledReason {@code auto} or {@code manual} while disabled, else null
 * @param metadata free-form labels an application keeps with the endpoint
 * @param headers extra headers sent with every delivery (a static auth header the customer asks
 *     for, for example); may hold secrets, like {@code secret}
 * @param rateLimit deliveries per second this endpoint may receive from one instance, or null for
 *     no limit; deliveries beyond it wait for their turn, they never fail
 * @param retry the endpoint's own retry block as JSON text, every key written, used instead of the
 *     source's {@code retry}; null when none
 */
public record Endpoint(
    String id,
    String source,
    String url,
    @Nullable String description,
    String secret,
    @Nullable String previousSecret,
    @Nullable Instant previousSecretExpiresAt,
    EndpointStatus status,
    @Nullable Instant failingSince,
    @Nullable String disabledReason,
    Map<String, String> metadata,
    Map<String, String> headers,
    @Nullable Double rateLimit,
    Instant createdAt,
    Instant updatedAt,
    @Nullable String retry) {

  /** {@code disabled_reason} of an endpoint disabled by the health check. */
  public static final String DISABLED_AUTO = "auto";

  /** {@code disabled_reason} of an endpoint disabled through the API. */
  public static final String DISABLED_MANUAL = "manual";

  public Endpoint {
    requireNonNull(id, "id");
    requireNonNull(source, "source");
    requireNonNull(url, "url");
    requireNonNull(secret, "secret");
    requireNonNull(status, "status");
    metadata = Map.copyOf(metadata);
    headers = Map.copyOf(headers);
    requireNonNull(createdAt, "createdAt");
    requireNonNull(updatedAt, "updatedAt");
  }

  /** The secrets that sign a delivery at {@code now}: the current one, then the previous one. */
  public List<String> signingSecrets(Instant now) {
    if (previousSecret != null
        && previousSecretExpiresAt != null
        && now.isBefore(previousSecretExpiresAt)) {
      return List.of(secret, previousSecret);
    }
    return List.of(secret);
  }

  public boolean active() {
    return status == EndpointStatus.ACTIVE;
  }

  /** A new active endpoint, created and updated at {@code at}. */
  public static Builder builder(String id, String source, String url, String secret, Instant at) {
    Builder b = new Builder();
    b.id = id;
    b.source = source;
    b.url = url;
    b.secret = secret;
    b.createdAt = at;
    b.updatedAt = at;
    return b;
  }

  public Builder toBuilder() {
    Builder b = builder(id, source, url, secret, createdAt);
    b.description = description;
    b.previousSecret = previousSecret;
    b.previousSecretExpiresAt = previousSecretExpiresAt;
    b.status = status;
    b.failingSince = failingSince;
    b.disabledReason = disabledReason;
    b.metadata = metadata;
    b.headers = headers;
    b.rateLimit = rateLimit;
    b.updatedAt = updatedAt;
    b.retry = retry;
    return b;
  }

  /** Builds an {@link Endpoint}; every option defaults to the value of a new endpoint. */
  public static final class Builder {
    private String id = "";
    private String source = "";
    private String url = "";
    private @Nullable String description;
    private String secret = "";
    private @Nullable String previousSecret;
    private @Nullable Instant previousSecretExpiresAt;
    private EndpointStatus status = EndpointStatus.ACTIVE;
    private @Nullable Instant failingSince;
    private @Nullable String disabledReason;
    private Map<String, String> metadata = Map.of();
    private Map<String, String> headers = Map.of();
    private @Nullable String retry;
    private @Nullable Double rateLimit;
    private Instant createdAt = Instant.EPOCH;
    private Instant updatedAt = Instant.EPOCH;

    private Builder() {}

    public Builder url(String url) {
      this.url = url;
      return this;
    }

    public Builder description(@Nullable String description) {
      this.description = description;
      return this;
    }

    /** Installs {@code secret}; the current one keeps signing until {@code previousUntil}. */
    public Builder rotate(String secret, @Nullable Instant previousUntil) {
      this.previousSecret = previousUntil == null ? null : this.secret;
      this.previousSecretExpiresAt = previousUntil;
      this.secret = secret;
      return this;
    }

    public Builder previousSecret(@Nullable String secret, @Nullable Instant expiresAt) {
      this.previousSecret = secret;
      this.previousSecretExpiresAt = expiresAt;
      return this;
    }

    /** Active (clearing the reason and {@code failing_since}) or disabled for {@code reason}. */
    public Builder status(EndpointStatus status, @Nullable String reason) {
      this.status = status;
      if (status == EndpointStatus.ACTIVE) {
        this.disabledReason = null;
        this.failingSince = null;
      } else {
        this.disabledReason = reason;
      }
      return this;
    }

    public Builder failingSince(@Nullable Instant failingSince) {
      this.failingSince = failingSince;
      return this;
    }

    public Builder metadata(Map<String, String> metadata) {
      this.metadata = metadata;
      return this;
    }

    public Builder headers(Map<String, String> headers) {
      this.headers = headers;
      return this;
    }

    public Builder rateLimit(@Nullable Double rateLimit) {
      this.rateLimit = rateLimit;
      return this;
    }

    public Builder retry(@Nullable String retry) {
      this.retry = retry;
      return this;
    }

    public Builder updatedAt(Instant updatedAt) {
      this.updatedAt = updatedAt;
      return this;
    }

    public Endpoint build() {
      return new Endpoint(
          id,
          source,
          url,
          description,
          secret,
          previousSecret,
          previousSecretExpiresAt,
          status,
          failingSince,
          disabledReason,
          metadata,
          headers,
          rateLimit,
          createdAt,
          updatedAt,
          retry);
    }
  }
}
