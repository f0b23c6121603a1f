package dev.qhook.server.cli;

import dev.qhook.EventRouting;
import dev.qhook.config.HandlerConfig;
import dev.qhook.config.QHookConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code qhook send --dry-run} reports: the consumers an event would reach, decided by the
 * engine's own routing. Only consumers the engine runs are listed (handlers).
 */
final class DryRun {
  private DryRun() {}

  /** One line per matching handler, in config order. */
  static List<String> matches(QHookConfig config, String source, String eventType, byte[] body) {
    List<String> lines = new ArrayList<>();
    for (HandlerConfig h : EventRouting.of(config).handlers(source, eventType, body)) {
      lines.add("handler " + h.name() + " -> " + h.method() + " " + h.url());
    }
    return lines;
  }
}
