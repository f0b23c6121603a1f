package dev.qhook.internal.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Addresses that outgoing calls must not reach unless {@code server.allow_private_urls} is set
 * (docs/reference/configuration.md, "server"): loopback, private, link-local (including the cloud
 * metadata address 169.254.169.254), unique-local, unspecified, carrier-grade NAT, multicast,
 * broadcast and other reserved ranges, also when written as IPv4-mapped, IPv4-compatible, NAT64 or
 * 6to4 IPv6.
 */
public final class PrivateAddresses {
  private PrivateAddresses() {}

  /** Whether {@code address} is not a public unicast address. */
  public static boolean isPrivate(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (address instanceof Inet4Address) {
      return isPrivateV4(bytes);
    }
    if (address instanceof Inet6Address) {
      return isPrivateV6(bytes);
    }
    return true;
  }

  private static boolean isPrivateV4(byte[] b) {
    int a0 = b[0] & 0xff;
    int a1 = b[1] & 0xff;
    return a0 == 0 // 0.0.0.0/8 "this network", includes unspecified
        || a0 == 10 // 10/8 private
        || a0 == 127 // loopback
        || (a0 == 100 && (a1 & 0xc0) == 64) // 100.64/10 carrier-grade NAT
        || (a0 == 169 && a1 == 254) // link-local, cloud metadata
        || (a0 == 172 && (a1 & 0xf0) == 16) // 172.16/12 private
        || (a0 == 192 && a1 == 168) // 192.168/16 private
        || (a0 == 192 && a1 == 0 && (b[2] & 0xff) == 0) // 192.0.0/24 IETF protocol assignments
        || (a0 == 198 && (a1 & 0xfe) == 18) // 198.18/15 benchmarking
        || a0 >= 224; // multicast 224/4, reserved 240/4, broadcast 255.255.255.255
  }

  private static boolean isPrivateV6(byte[] b) {
    if (allZero(b, 0, 10)) {
      int b10 = b[10] & 0xff;
      int b11 = b[11] & 0xff;
      if (b10 == 0xff && b11 == 0xff) {
        return isPrivateV4(tail4(b)); // ::ffff:a.b.c.d IPv4-mapped
      }
      if (b10 == 0 && b11 == 0) {
        return allZero(b, 12, 15) && (b[15] & 0xff) <= 1 // :: and ::1
            || isPrivateV4(tail4(b)); // deprecated IPv4-compatible ::a.b.c.d
      }
    }
    int b0 = b[0] & 0xff;
    int b1 = b[1] & 0xff;
    if (b0 == 0x00 && b1 == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
      return isPrivateV4(tail4(b)); // 64:ff9b::/96 NAT64
    }
    if (b0 == 0x20 && b1 == 0x02) {
      return isPrivateV4(new byte[] {b[2], b[3], b[4], b[5]}); // 2002::/16 6to4
    }
    return (b0 & 0xfe) == 0xfc // fc00::/7 unique-local
        || (b0 == 0xfe && (b1 & 0xc0) == 0x80) // fe80::/10 link-local
        || (b0 == 0xfe && (b1 & 0xc0) == 0xc0) // fec0::/10 deprecated site-local
        || b0 == 0xff // multicast
        || (b0 == 0x01 && b1 == 0x00 && allZero(b, 2, 8)) // 100::/64 discard-only
        || (b0 == 0x20 && b1 == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8); // doc
  }

  private static byte[] tail4(byte[] b) {
    return new byte[] {b[12], b[13], b[14], b[15]};
  }

  private static boolean allZero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
