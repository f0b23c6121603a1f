package dev.qhook.internal.inbound;

import dev.qhook.internal.net.IpLiterals;
import dev.qhook.internal.net.IpRange;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A webhook source's {@code allowed_ips}: IPv4/IPv6 addresses and CIDR ranges. Client addresses are
 * parsed as literals only, so a forwarded header can never cause a DNS lookup.
 */
final class IpAllowList {
  private final List<IpRange> ranges;

  private IpAllowList(List<IpRange> ranges) {
    this.ranges = ranges;
  }

  /**
   * @throws IllegalArgumentException for an entry that is not an IP literal or CIDR
   */
  static IpAllowList parse(List<String> entries) {
    List<IpRange> ranges = new ArrayList<>();
    for (String entry : entries) {
      ranges.add(
          IpRange.parse(entry.trim())
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "not an IP address or a CIDR range with a valid prefix length: '"
                              + entry
                              + "'")));
    }
    return new IpAllowList(List.copyOf(ranges));
  }

  /**
   * Whether the client address (an IP literal; anything else, or none, is refused) is in a range.
   */
  boolean allows(@Nullable String clientIp) {
    if (clientIp == null) {
      return false;
    }
    Optional<InetAddress> address = IpLiterals.parse(clientIp.trim());
    return address.isPresent() && ranges.stream().anyMatch(r -> r.contains(address.get()));
  }
}
