package dev.qhook.internal.transport;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Refuses destinations that resolve to private, loopback, link-local or otherwise internal
 * addresses (SPEC §11), checked when the request is about to be sent.
 *
 * <p>Known gap: {@code java.net.http} resolves the host again when it connects, so a DNS answer
 * that changes between the check and the connect (DNS rebinding) is not caught. The check makes the
 * ordinary case (a handler URL pointing at an internal host) safe.
 */
public final class SsrfGuard {
  /** Looks up every address of a host. */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private final boolean allowPrivate;
  private final Resolver resolver;
  private final Predicate<InetAddress> isPrivate;

  public SsrfGuard(boolean allowPrivate, Resolver resolver, Predicate<InetAddress> isPrivate) {
    this.allowPrivate = allowPrivate;
    this.resolver = resolver;
    this.isPrivate = isPrivate;
  }

  /** Returns why the destination is refused, or empty when it may be called. */
  public Optional<String> refusal(URI uri) throws UnknownHostException {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return Optional.of("destination refused: scheme '" + scheme + "' is not http(s)");
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      return Optional.of("destination refused: no host in " + uri);
    }
    if (allowPrivate) {
      return Optional.empty();
    }
    for (InetAddress address : resolver.resolve(host)) {
      if (isPrivate.test(address)) {
        return Optional.of(
            "destination refused: "
                + host
                + " resolves to private address "
                + address.getHostAddress());
      }
    }
    return Optional.empty();
  }
}
