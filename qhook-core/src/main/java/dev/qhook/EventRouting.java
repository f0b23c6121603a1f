package dev.qhook;

import static java.util.Objects.requireNonNull;

import dev.qhook.config.HandlerConfig;
import dev.qhook.config.QHookConfig;
import dev.qhook.config.QueueConfig;
import dev.qhook.internal.ingest.Payload;
import dev.qhook.internal.routing.CompiledHandler;
import dev.qhook.internal.routing.CompiledQueue;
import dev.qhook.internal.routing.RoutedConsumer;
import dev.qhook.internal.routing.Router;
import java.util.List;

/**
 * Which consumers an event reaches under a configuration, decided exactly as the engine decides
 * (event patterns, then filters), without an engine or a store: for dry runs and tooling.
 *
 * <pre>{@code
 * EventRouting.of(config).handlers("app", "order.created", body) // [billing, audit]
 * }</pre>
 */
public final class EventRouting {
  private final Router router;

  private EventRouting(Router router) {
    this.router = router;
  }

  /** Compiles the routing of {@code config} (patterns and filters are compiled once). */
  public static EventRouting of(QHookConfig config) {
    return new EventRouting(new Router(requireNonNull(config, "config")));
  }

  /** The handlers an event of {@code source} and {@code eventType} goes to, in config order. */
  public List<HandlerConfig> handlers(String source, String eventType, byte[] body) {
    return matching(source, eventType, body).stream()
        .filter(CompiledHandler.class::isInstance)
        .map(c -> ((CompiledHandler) c).config())
        .toList();
  }

  /** The queues an event of {@code source} and {@code eventType} goes to, in config order. */
  public List<QueueConfig> queues(String source, String eventType, byte[] body) {
    return matching(source, eventType, body).stream()
        .filter(CompiledQueue.class::isInstance)
        .map(c -> ((CompiledQueue) c).config())
        .toList();
  }

  private List<RoutedConsumer> matching(String source, String eventType, byte[] body) {
    requireNonNull(source, "source");
    requireNonNull(eventType, "eventType");
    Payload payload = Payload.of(requireNonNull(body, "body"));
    return router.matching(source, eventType, router.needsPayload(source) ? payload.json() : null);
  }
}
