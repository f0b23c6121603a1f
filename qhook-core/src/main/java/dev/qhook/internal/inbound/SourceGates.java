package dev.qhook.internal.inbound;

import dev.qhook.config.QHookConfig;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The checks of every source, compiled before the engine starts anything else, so that a source
 * whose checks cannot be built fails the engine before it holds threads or connections.
 */
public final class SourceGates {
  private final Map<String, SourceGate> bySource;

  private SourceGates(Map<String, SourceGate> bySource) {
    this.bySource = bySource;
  }

  /**
   * @throws IllegalArgumentException naming the config path of a check that cannot be built
   */
  public static SourceGates of(QHookConfig config, Clock clock) {
    Map<String, SourceGate> gates = new HashMap<>();
    config.sources().forEach((name, source) -> gates.put(name, SourceGate.of(source, clock)));
    return new SourceGates(Map.copyOf(gates));
  }

  @Nullable SourceGate get(String source) {
    return bySource.get(source);
  }
}
