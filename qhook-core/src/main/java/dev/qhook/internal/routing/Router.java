package dev.qhook.internal.routing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.config.QHookConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Finds the consumers of an event, handlers then queues in config order
 * (docs/reference/configuration.md, "Matching"), and its idempotency key ("Idempotency keys").
 */
public final class Router {
  private final Map<String, List<RoutedConsumer>> consumersBySource = new LinkedHashMap<>();
  private final Map<String, CompiledHandler> handlersByName = new LinkedHashMap<>();
  private final Set<String> sourcesReadingPayload = new HashSet<>();

  public Router(QHookConfig config) {
    config
        .handlers()
        .values()
        .forEach(
            h -> {
              CompiledHandler compiled = CompiledHandler.compile(h);
              handlersByName.put(h.name(), compiled);
              add(h.source(), compiled);
            });
    config.queues().values().forEach(q -> add(q.source(), CompiledQueue.compile(q)));
  }

  private void add(String source, RoutedConsumer consumer) {
    consumersBySource.computeIfAbsent(source, s -> new ArrayList<>()).add(consumer);
    if (consumer.rule().readsPayload()) {
      sourcesReadingPayload.add(source);
    }
  }

  /**
   * Whether routing an event of {@code source} reads its payload (a consumer of it has a filter or
   * a key path); when not, the payload need not be parsed and null may be passed instead.
   */
  public boolean needsPayload(String source) {
    return sourcesReadingPayload.contains(source);
  }

  /** The handlers and queues an event goes to: handlers first, each in config-file order. */
  public List<RoutedConsumer> matching(
      String source, String eventType, @Nullable JsonNode payload) {
    List<RoutedConsumer> candidates = consumersBySource.getOrDefault(source, List.of());
    List<RoutedConsumer> matched = new ArrayList<>(candidates.size());
    for (RoutedConsumer c : candidates) {
      if (c.rule().matches(eventType, payload)) {
        matched.add(c);
      }
    }
    return matched;
  }

  public Optional<CompiledHandler> handler(String name) {
    return Optional.ofNullable(handlersByName.get(name));
  }
}
