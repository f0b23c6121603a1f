package dev.qhook.server.internal.http;

import com.sun.net.httpserver.Headers;
import java.net.InetSocketAddress;

/**
 * The client's IP: the socket peer, or with {@code server.trust_proxy} the first {@code
 * X-Forwarded-For} entry, then {@code X-Real-IP}.
 */
final class ClientAddress {
  private ClientAddress() {}

  static String of(InetSocketAddress peer, Headers headers, boolean trustProxy) {
    if (trustProxy) {
      String forwarded = headers.getFirst("X-Forwarded-For");
      if (forwarded != null) {
        String first = forwarded.split(",", 2)[0].trim();
        if (!first.isEmpty()) {
          return first;
        }
      }
      String real = headers.getFirst("X-Real-IP");
      if (real != null && !real.isBlank()) {
        return real.trim();
      }
    }
    return peer.getAddress() == null ? peer.getHostString() : peer.getAddress().getHostAddress();
  }
}
