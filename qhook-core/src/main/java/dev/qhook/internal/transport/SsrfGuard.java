package dev.qhook.internal.transport;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Refuses destinations that resolve to private, loopback, link-local or otherwise internal
 * addresses unless {@code server.allow_private_urls} is set (docs/reference/configuration.md,
 * "server").
 *
 * <p>{@link ApacheHttpTransport} connects only to the addresses {@link #vettedAddresses} returned
 * (it is the client's DNS resolver), so the address checked is the address connected to: a DNS
 * answer that changes between a check and the connect (DNS rebinding) cannot slip through.
 */
public final class SsrfGuard {
  /** Looks up every address of a host. */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  /** A host that resolves, but to an address the guard refuses; the message says which. */
  public static final class DestinationRefusedException extends UnknownHostException {
    DestinationRefusedException(String message) {
      super(message);
    }
  }

  private final boolean allowPrivate;
  private final Resolver resolver;
  private final Predicate<InetAddress> isPrivate;

  public SsrfGuard(boolean allowPrivate, Resolver resolver, Predicate<InetAddress> isPrivate) {
    this.allowPrivate = allowPrivate;
    this.resolver = resolver;
    this.isPrivate = isPrivate;
  }

  /** Returns why the URI's scheme or host is refused, without resolving anything. */
  public Optional<String> uriRefusal(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return Optional.of("destination refused: scheme '" + scheme + "' is not http(s)");
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      return Optional.of("destination refused: no host in " + uri);
    }
    return Optional.empty();
  }

  /**
   * Resolves {@code host} and returns its addresses once every one of them may be called.
   *
   * @throws DestinationRefusedException when one resolves to a refused address (unless private
   *     addresses are allowed)
   * @throws UnknownHostException when the host does not resolve
   */
  public InetAddress[] vettedAddresses(String host) throws UnknownHostException {
    InetAddress[] addresses = resolver.resolve(host);
    if (addresses == null || addresses.length == 0) {
      throw new UnknownHostException(host);
    }
    if (!allowPrivate) {
      for (InetAddress address : addresses) {
        if (isPrivate.test(address)) {
          throw new DestinationRefusedException(
              "destination refused: "
                  + host
                  + " resolves to private address "
                  + address.getHostAddress());
        }
      }
    }
    return addresses;
  }

  /**
   * Returns why the destination is refused, or empty when it may be called: the checks of {@link
   * #uriRefusal} and, unless private addresses are allowed, of {@link #vettedAddresses}.
   *
   * @throws UnknownHostException when the host does not resolve
   */
  public Optional<String> refusal(URI uri) throws UnknownHostException {
    Optional<String> refused = uriRefusal(uri);
    if (refused.isPresent() || allowPrivate) {
      return refused;
    }
    try {
      vettedAddresses(uri.getHost());
      return Optional.empty();
    } catch (DestinationRefusedException e) {
      return Optional.of(e.getMessage());
    }
  }
}
