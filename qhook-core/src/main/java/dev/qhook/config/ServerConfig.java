package dev.qhook.config;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * The {@code server} section (docs/reference/configuration.md, "server"). Defaults: host {@code
 * 0.0.0.0}, port 8888, no public URL, body limit 1 MiB (1048576 bytes), 100 concurrent inbound
 * requests, no per-IP limit, proxies not trusted, private URLs refused, endpoint verification on.
 */
public record ServerConfig(
    String host,
    int port,
    @Nullable String publicUrl,
    int maxBodySize,
    int maxInbound,
    int ipRateLimit,
    boolean trustProxy,
    boolean allowPrivateUrls,
    boolean skipEndpointVerification) {
  public static final String DEFAULT_HOST = "0.0.0.0";
  public static final int DEFAULT_PORT = 8888;
  public static final int DEFAULT_MAX_BODY_SIZE = 1_048_576;
  public static final int DEFAULT_MAX_INBOUND = 100;

  public static final ServerConfig DEFAULT =
      new ServerConfig(
          DEFAULT_HOST,
          DEFAULT_PORT,
          null,
          DEFAULT_MAX_BODY_SIZE,
          DEFAULT_MAX_INBOUND,
          0,
          false,
          false,
          false);

  public ServerConfig {
    requireNonNull(host, "host");
  }

  /** A builder that starts from {@link #DEFAULT}. */
  public static Builder builder() {
    return DEFAULT.toBuilder();
  }

  /** A builder that starts from this section. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Builds a {@link ServerConfig}; each method sets the key of the same name
   * (docs/reference/configuration.md, "server"). Ranges are checked when the {@link QHookConfig}
   * holding it is built.
   */
  public static final class Builder {
    private String host;
    private int port;
    private @Nullable String publicUrl;
    private int maxBodySize;
    private int maxInbound;
    private int ipRateLimit;
    private boolean trustProxy;
    private boolean allowPrivateUrls;
    private boolean skipEndpointVerification;

    private Builder(ServerConfig from) {
      host = from.host;
      port = from.port;
      publicUrl = from.publicUrl;
      maxBodySize = from.maxBodySize;
      maxInbound = from.maxInbound;
      ipRateLimit = from.ipRateLimit;
      trustProxy = from.trustProxy;
      allowPrivateUrls = from.allowPrivateUrls;
      skipEndpointVerification = from.skipEndpointVerification;
    }

    /** Bind address; default {@value #DEFAULT_HOST}. */
    public Builder host(String host) {
      this.host = requireNonNull(host, "host");
      return this;
    }

    /** Listen port, 1 to 65535; default {@value #DEFAULT_PORT}. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** The externally visible base URL, such as {@code https://hooks.example.com}. */
    public Builder publicUrl(@Nullable String publicUrl) {
      this.publicUrl = publicUrl;
      return this;
    }

    /** Larger request bodies get 413; default {@value #DEFAULT_MAX_BODY_SIZE} bytes. */
    public Builder maxBodySize(int maxBodySize) {
      this.maxBodySize = maxBodySize;
      return this;
    }

    /** Requests processed at once; default {@value #DEFAULT_MAX_INBOUND}. */
    public Builder maxInbound(int maxInbound) {
      this.maxInbound = maxInbound;
      return this;
    }

    /** Requests per second per client address; 0 (the default) is off. */
    public Builder ipRateLimit(int ipRateLimit) {
      this.ipRateLimit = ipRateLimit;
      return this;
    }

    /** Whether to take the client address and scheme from proxy headers; default false. */
    public Builder trustProxy(boolean trustProxy) {
      this.trustProxy = trustProxy;
      return this;
    }

    /**
     * Whether outgoing calls (deliveries, alerts, SNS confirmations and certificate fetches) may
     * reach private and loopback addresses (SSRF guard off).
     */
    public Builder allowPrivateUrls(boolean allowPrivateUrls) {
      this.allowPrivateUrls = allowPrivateUrls;
      return this;
    }

    /** Whether to skip the outbound endpoint challenge; development only. */
    public Builder skipEndpointVerification(boolean skipEndpointVerification) {
      this.skipEndpointVerification = skipEndpointVerification;
      return this;
    }

    public ServerConfig build() {
      return new ServerConfig(
          host,
          port,
          publicUrl,
          maxBodySize,
          maxInbound,
          ipRateLimit,
          trustProxy,
          allowPrivateUrls,
          skipEndpointVerification);
    }
  }
}
