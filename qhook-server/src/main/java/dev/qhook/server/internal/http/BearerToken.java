package dev.qhook.server.internal.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.jspecify.annotations.Nullable;

/** Checks {@code Authorization: Bearer <token>} in constant time; an unset token means open. */
public final class BearerToken {
  private static final String PREFIX = "Bearer ";

  private final byte @Nullable [] expected;

  private BearerToken(byte @Nullable [] expected) {
    this.expected = expected;
  }

  /** A check for {@code token}; null or empty leaves the routes open. */
  public static BearerToken of(@Nullable String token) {
    return new BearerToken(
        token == null || token.isEmpty() ? null : token.getBytes(StandardCharsets.UTF_8));
  }

  public boolean isSet() {
    return expected != null;
  }

  /**
   * @throws ApiException 401 {@code unauthorized} when a token is set and the request lacks it
   */
  public void require(Request request) {
    if (!accepts(request.header("Authorization"))) {
      throw ApiException.unauthorized();
    }
  }

  boolean accepts(@Nullable String authorization) {
    if (expected == null) {
      return true;
    }
    if (authorization == null
        || !authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      return false;
    }
    byte[] given = authorization.substring(PREFIX.length()).trim().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(given, expected);
  }

  /** Wraps a handler so that it runs only with the token. */
  public RouteHandler guard(RouteHandler next) {
    return request -> {
      require(request);
      return next.handle(request);
    };
  }
}
