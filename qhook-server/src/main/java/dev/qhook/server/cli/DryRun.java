package dev.qhook.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.config.QHookConfig;
import dev.qhook.config.QueueConfig;
import dev.qhook.config.WorkflowConfig;
import dev.qhook.internal.expr.EventPattern;
import dev.qhook.internal.expr.Filter;
import dev.qhook.internal.routing.CompiledHandler;
import dev.qhook.internal.routing.Router;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What {@code qhook send --dry-run} reports: the consumers an event would reach (SPEC §3.5). */
final class DryRun {
  private DryRun() {}

  /** One line per matching handler, queue and workflow, in config order. */
  static List<String> matches(
      QHookConfig config, String source, String eventType, @Nullable JsonNode payload) {
    List<String> lines = new ArrayList<>();
    for (CompiledHandler h : new Router(config).matchingHandlers(source, eventType, payload)) {
      lines.add("handler " + h.name() + " -> " + h.config().method() + " " + h.config().url());
    }
    for (QueueConfig q : config.queues().values()) {
      if (q.source().equals(source)
          && matchesTypes(q.events(), eventType)
          && (q.filter() == null || Filter.parse(q.filter()).test(payload))) {
        lines.add("queue " + q.name());
      }
    }
    for (WorkflowConfig w : config.workflows().values()) {
      if (w.source().equals(source) && matchesTypes(w.events(), eventType)) {
        lines.add("workflow " + w.name());
      }
    }
    return lines;
  }

  private static boolean matchesTypes(List<String> patterns, String eventType) {
    return patterns.isEmpty()
        || patterns.stream().anyMatch(p -> EventPattern.parse(p).matches(eventType));
  }
}
