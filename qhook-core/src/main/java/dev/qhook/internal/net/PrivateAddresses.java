package dev.qhook.internal.net;

import java.net.InetAddress;

/** Addresses that outbound calls must not reach unless private URLs are allowed (SPEC §11). */
public final class PrivateAddresses {
  private PrivateAddresses() {}

  public static boolean isPrivate(InetAddress address) {
    return address.isLoopbackAddress()
        || address.isSiteLocalAddress()
        || address.isLinkLocalAddress()
        || address.isAnyLocalAddress()
        || address.isMulticastAddress();
  }
}
