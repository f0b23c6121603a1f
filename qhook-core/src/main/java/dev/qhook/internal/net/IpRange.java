package dev.qhook.internal.net;

import java.net.InetAddress;
import java.util.Optional;

/**
 * An address or CIDR block as written in {@code allowed_ips} ({@code 10.0.0.0/8}, {@code
 * 2001:db8::/32}, or a single address).
 */
public record IpRange(InetAddress network, int prefixLength) {
  /** Parses {@code text}, or empty when it is not an address or CIDR block. */
  public static Optional<IpRange> parse(String text) {
    int slash = text.indexOf('/');
    String addressText = slash < 0 ? text : text.substring(0, slash);
    Optional<InetAddress> address = IpLiterals.parse(addressText.strip());
    if (address.isEmpty()) {
      return Optional.empty();
    }
    int bits = address.get().getAddress().length * 8;
    if (slash < 0) {
      return Optional.of(new IpRange(address.get(), bits));
    }
    String prefixText = text.substring(slash + 1).strip();
    if (!prefixText.matches("\\d{1,3}")) {
      return Optional.empty();
    }
    int prefix = Integer.parseInt(prefixText);
    return prefix > bits ? Optional.empty() : Optional.of(new IpRange(address.get(), prefix));
  }

  /** Whether {@code address} lies in this range (an IPv4 address never lies in an IPv6 range). */
  public boolean contains(InetAddress address) {
    byte[] candidate = address.getAddress();
    byte[] net = network.getAddress();
    if (candidate.length != net.length) {
      return false;
    }
    int fullBytes = prefixLength / 8;
    for (int i = 0; i < fullBytes; i++) {
      if (candidate[i] != net[i]) {
        return false;
      }
    }
    int rest = prefixLength % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (candidate[fullBytes] & mask) == (net[fullBytes] & mask);
  }
}
