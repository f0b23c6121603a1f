package dev.qhook.internal.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses IP address literals without ever asking DNS: {@link InetAddress#getByName} would look up
 * anything that is not a literal, which must not happen while validating a config.
 */
public final class IpLiterals {
  private static final Pattern IPV4 =
      Pattern.compile(
          "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

  private IpLiterals() {}

  /**
   * The address written in {@code text} (dotted IPv4, or IPv6 with or without brackets), or empty
   * when {@code text} is not an IP literal (for example a host name).
   */
  public static Optional<InetAddress> parse(String text) {
    String literal = text;
    if (literal.startsWith("[") && literal.endsWith("]")) {
      literal = literal.substring(1, literal.length() - 1);
    }
    if (IPV4.matcher(literal).matches()) {
      String[] parts = literal.split("\\.");
      byte[] bytes = new byte[4];
      for (int i = 0; i < 4; i++) {
        bytes[i] = (byte) Integer.parseInt(parts[i]);
      }
      return byAddress(bytes);
    }
    if (literal.indexOf(':') >= 0 && IPV6_CHARS.matcher(literal).matches()) {
      try {
        // Only characters of an IPv6 literal reach here, which the JDK parses without a lookup.
        return Optional.of(InetAddress.getByName(literal));
      } catch (UnknownHostException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static Optional<InetAddress> byAddress(byte[] bytes) {
    try {
      return Optional.of(InetAddress.getByAddress(bytes));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
