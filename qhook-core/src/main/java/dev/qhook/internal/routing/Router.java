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
 * Finds the consumers of an event (docs/reference/configuration.md, "Matching") and its idempotency
 * key ("Idempotency keys").
 */
public final class Router {
  private final Map<String, List<CompiledHandler>> handlersBySource = new LinkedHashMap<>();
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
              handlersBySource.computeIfAbsent(h.source(), s -> new ArrayList<>()).add(compiled);
              if (compiled.readsPayload()) {
                sourcesReadingPayload.add(h.source());
              }
            });
  }

  /**
   * Whether routing an event of {@code source} reads its payload (a handler of it has a filter or a
   * key path); when not, the payload need not be parsed and null may be passed instead.
   */
  public boolean needsPayload(String source) {
    return sourcesReadingPayload.contains(source);
  }

  /** The handlers an event goes to, in config-file order. */
  public List<CompiledHandler> matchingHandlers(
      String source, String eventType, @Nullable JsonNode payload) {
    List<CompiledHandler> candidates = handlersBySource.getOrDefault(source, List.of());
    List<CompiledHandler> matched = new ArrayList<>(candidates.size());
    for (CompiledHandler h : candidates) {
      if (h.matches(eventType, payload)) {
        matched.add(h);
      }
    }
    return matched;
  }

  public Optional<CompiledHandler> handler(String name) {
    return Optional.ofNullable(handlersByName.get(name));
  }
}
