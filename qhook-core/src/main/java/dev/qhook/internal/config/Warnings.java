package dev.qhook.internal.config;

import dev.qhook.config.QueueConfig;
import dev.qhook.config.SourceConfig;
import dev.qhook.config.SourceType;
import dev.qhook.internal.net.IpLiterals;
import dev.qhook.internal.net.PrivateAddresses;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The non-fatal findings about a valid config: an open API, the SSRF guard turned off, queues open
 * to anyone, SNS sources open to any topic (docs/reference/configuration.md, "Warnings"). Unset
 * variables are reported during expansion.
 */
public final class Warnings {
  private Warnings() {}

  /** The warnings about {@code config}, in a fixed order, without credentials. */
  public static List<String> of(BoundConfig config) {
    List<String> warnings = new ArrayList<>();
    collect(config, warnings);
    return warnings.stream().map(Redaction::redact).toList();
  }

  private static void collect(BoundConfig config, List<String> warnings) {
    String host = config.server().host();
    if (config.api().authToken() == null) {
      if (isLoopback(host)) {
        warnings.add("api.auth_token is not set: /events and /api accept unauthenticated calls");
      } else {
        warnings.add(
            "WARNING: api.auth_token is not set and server.host is "
                + host
                + ": anyone who can reach this server can post events and use /api");
      }
    }
    String alertHost = alertHost(config);
    if (alertHost != null && !config.server().allowPrivateUrls() && isPrivate(alertHost)) {
      warnings.add(
          "alerts.url: "
              + alertHost
              + " is a private or loopback address: the SSRF guard refuses every alert sent to it"
              + " unless server.allow_private_urls is true");
    }
    if (config.server().allowPrivateUrls()) {
      warnings.add(
          "server.allow_private_urls is true: the SSRF guard is off (deliveries, alerts and SNS calls may reach"
              + " private and loopback addresses)");
    }
    for (SourceConfig source : config.sources().values()) {
      if (source.type() == SourceType.SNS && source.topicArns().isEmpty()) {
        warnings.add(
            "sources."
                + source.name()
                + ": no topic_arns: messages of any SNS topic are accepted, also of topics in other"
                + " AWS accounts");
      }
    }
    for (QueueConfig queue : config.queues().values()) {
      if (queue.apiKey() == null && config.api().authToken() == null) {
        warnings.add(
            "queues."
                + queue.name()
                + ": no api_key and no api.auth_token: anyone can receive its messages");
      }
    }
  }

  private static @Nullable String alertHost(BoundConfig config) {
    if (config.alerts() == null) {
      return null;
    }
    try {
      return URI.create(config.alerts().url()).getHost();
    } catch (IllegalArgumentException e) {
      return null; // validation reports it
    }
  }

  /**
   * {@code localhost}, or an IP literal the SSRF guard counts as private; names are not resolved.
   */
  private static boolean isPrivate(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    return h.equals("localhost")
        || h.endsWith(".localhost")
        || IpLiterals.parse(h).map(PrivateAddresses::isPrivate).orElse(false);
  }

  private static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost")
        || IpLiterals.parse(h).map(a -> a.isLoopbackAddress()).orElse(false);
  }
}
