package dev.qhook.internal.transport;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The HTTP client's only way to turn a host name into addresses: every address it may connect to
 * has passed the {@link SsrfGuard}, and the client never resolves a name by any other route.
 */
final class GuardedDnsResolver implements DnsResolver {
  private final SsrfGuard guard;

  GuardedDnsResolver(SsrfGuard guard) {
    this.guard = guard;
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    return guard.vettedAddresses(host);
  }

  @Override
  public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
    InetAddress[] addresses = resolve(host);
    List<InetSocketAddress> endpoints = new ArrayList<>(addresses.length);
    for (InetAddress address : addresses) {
      endpoints.add(new InetSocketAddress(address, port));
    }
    return endpoints;
  }

  /** Only for SPNEGO/Kerberos, which qhook never uses: the name is returned as given. */
  @Override
  public String resolveCanonicalHostname(String host) {
    return host;
  }
}
