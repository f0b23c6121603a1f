package dev.qhook.server.internal.routes;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/** A webhook source's {@code allowed_ips}: IPv4/IPv6 addresses and CIDR ranges. */
final class IpAllowList {
  private record Range(byte[] network, int prefixBits) {
    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int fullBytes = prefixBits / 8;
      for (int i = 0; i < fullBytes; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = prefixBits % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xFF << (8 - rest)) & 0xFF;
      return (address[fullBytes] & mask) == (network[fullBytes] & mask);
    }
  }

  private final List<Range> ranges;

  private IpAllowList(List<Range> ranges) {
    this.ranges = ranges;
  }

  /**
   * @throws IllegalArgumentException for an entry that is not an IP literal or CIDR
   */
  static IpAllowList parse(List<String> entries) {
    List<Range> ranges = new ArrayList<>();
    for (String entry : entries) {
      String text = entry.trim();
      int slash = text.indexOf('/');
      byte[] network = literal(slash < 0 ? text : text.substring(0, slash));
      int bits = network.length * 8;
      int prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
      if (prefix < 0 || prefix > bits) {
        throw new IllegalArgumentException("invalid prefix length in '" + entry + "'");
      }
      ranges.add(new Range(network, prefix));
    }
    return new IpAllowList(List.copyOf(ranges));
  }

  boolean allows(String clientIp) {
    byte[] address;
    try {
      address = literal(clientIp);
    } catch (IllegalArgumentException notAnAddress) {
      return false;
    }
    return ranges.stream().anyMatch(r -> r.contains(address));
  }

  /** The bytes of an IP literal, without any DNS lookup; IPv4-mapped IPv6 becomes IPv4. */
  private static byte[] literal(String text) {
    String t =
        text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
    if (t.isEmpty()
        || !t.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
      throw new IllegalArgumentException("not an IP address: '" + text + "'");
    }
    try {
      return InetAddress.getByName(t).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address: '" + text + "'", e);
    }
  }
}
