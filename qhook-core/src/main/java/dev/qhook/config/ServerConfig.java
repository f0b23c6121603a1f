package dev.qhook.config;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * The {@code server} section (SPEC §2.3). Defaults: host {@code 0.0.0.0}, port 8888, no public URL,
 * body limit 1 MiB (1048576 bytes), 100 concurrent inbound requests, no per-IP limit, proxies not
 * trusted, private URLs refused, endpoint verification on.
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
}
