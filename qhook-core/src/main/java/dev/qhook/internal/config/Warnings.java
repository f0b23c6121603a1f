package dev.qhook.internal.config;

import dev.qhook.config.QHookConfig;
import dev.qhook.config.QueueConfig;
import dev.qhook.internal.net.IpLiterals;
import java.util.Locale;

/** The non-fatal findings of SPEC §2.11 (unset variables are reported during expansion). */
final class Warnings {
  private Warnings() {}

  static void collect(QHookConfig config, Problems problems) {
    String host = config.server().host();
    if (config.api().authToken() == null) {
      if (isLoopback(host)) {
        problems.warn("api.auth_token is not set: /events and /api accept unauthenticated calls");
      } else {
        problems.warn(
            "WARNING: api.auth_token is not set and server.host is "
                + host
                + ": anyone who can reach this server can post events and use /api");
      }
    }
    if (config.server().allowPrivateUrls()) {
      problems.warn(
          "server.allow_private_urls is true: the SSRF guard is off (deliveries may reach"
              + " private and loopback addresses)");
    }
    for (QueueConfig queue : config.queues().values()) {
      if (queue.apiKey() == null && config.api().authToken() == null) {
        problems.warn(
            "queues."
                + queue.name()
                + ": no api_key and no api.auth_token: anyone can receive its messages");
      }
    }
  }

  private static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost")
        || IpLiterals.parse(h).map(a -> a.isLoopbackAddress()).orElse(false);
  }
}
