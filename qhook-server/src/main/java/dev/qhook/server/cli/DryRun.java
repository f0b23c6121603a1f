package dev.qhook.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.config.QHookConfig;
import dev.qhook.internal.routing.CompiledHandler;
import dev.qhook.internal.routing.Router;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What {@code qhook send --dry-run} reports: the consumers an event would reach (SPEC §3.5). Only
 * handlers run in this version (queues and workflows are refused when the config is loaded).
 */
final class DryRun {
  private DryRun() {}

  /** One line per matching handler, in config order. */
  static List<String> matches(
      QHookConfig config, String source, String eventType, @Nullable JsonNode payload) {
    List<String> lines = new ArrayList<>();
    for (CompiledHandler h : new Router(config).matchingHandlers(source, eventType, payload)) {
      lines.add("handler " + h.name() + " -> " + h.config().method() + " " + h.config().url());
    }
    return lines;
  }
}
