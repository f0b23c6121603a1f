package dev.qhook.server.cli;

import dev.qhook.config.QHookConfig;
import dev.qhook.config.ServerConfig;
import dev.qhook.config.SourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start-up log lines: the URL of every webhook, event and SNS source, the schedule of every
 * cron source. (The warnings about an open API and the SSRF guard turned off come from the config
 * loader: docs/reference/configuration.md, "Warnings".) Never logs secrets.
 */
final class StartupReport {
  private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

  private StartupReport() {}

  static void log(QHookConfig config, int port) {
    ServerConfig server = config.server();
    String base = baseUrl(server, port);
    config.sources().values().forEach(source -> logSource(base, source));
    log.info("qhook ready on {}", base);
  }

  private static void logSource(String base, SourceConfig source) {
    switch (source.type()) {
      case EVENT, OUTBOUND ->
          log.info("source {}: POST {}/events/{}/<event_type>", source.name(), base, source.name());
      case WEBHOOK ->
          log.info("source {}: POST {}/webhooks/{}", source.name(), base, source.name());
      case SNS -> log.info("source {}: POST {}/sns/{}", source.name(), base, source.name());
      case CRON ->
          log.info(
              "source {}: cron '{}' in {}, events of type cron.tick",
              source.name(),
              source.schedule(),
              source.timezone());
    }
  }

  static String baseUrl(ServerConfig server, int port) {
    if (server.publicUrl() != null) {
      String url = server.publicUrl();
      return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
    return "http://" + localHost(server.host()) + ":" + port;
  }

  /** A host a local client can connect to: a wildcard bind becomes 127.0.0.1. */
  static String localHost(String host) {
    if (host.isEmpty() || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
      return "127.0.0.1";
    }
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }
}
