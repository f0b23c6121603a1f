package dev.qhook.internal.engine;

import dev.qhook.config.FallibleStep;
import dev.qhook.config.HandlerConfig;
import dev.qhook.config.QHookConfig;
import dev.qhook.config.SourceConfig;
import dev.qhook.config.SourceType;
import dev.qhook.config.Step;
import dev.qhook.config.WorkflowConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** How the {@link Dispatcher} is tuned: workers, batch size, poll interval, lease, limits. */
public record DispatchSettings(
    int maxConcurrency,
    int batchSize,
    Duration pollInterval,
    Duration lease,
    Map<String, Integer> concurrencyLimits) {

  /**
   * From the config: {@code worker.*}, a lease of the longest request timeout (handlers' and
   * outbound sources') plus {@code leaseMargin}, and every handler's {@code max_concurrency}.
   */
  public static DispatchSettings of(
      QHookConfig config, Duration pollInterval, Duration leaseMargin) {
    Duration longest = config.delivery().timeout();
    Map<String, Integer> limits = new HashMap<>();
    for (SourceConfig s : config.sources().values()) {
      if (s.type() == SourceType.OUTBOUND && s.timeout().compareTo(longest) > 0) {
        longest = s.timeout(); // outbound deliveries use their source's timeout
      }
    }
    for (HandlerConfig h : config.handlers().values()) {
      if (h.timeout().compareTo(longest) > 0) {
        longest = h.timeout();
      }
      if (h.maxConcurrency() != null) {
        limits.put(h.name(), h.maxConcurrency());
      }
    }
    for (WorkflowConfig w : config.workflows().values()) {
      for (Step step : w.steps()) {
        if (step instanceof FallibleStep f && f.failure().timeout().compareTo(longest) > 0) {
          longest = f.failure().timeout();
        }
      }
    }
    return new DispatchSettings(
        config.worker().maxConcurrency(),
        config.worker().batchSize(),
        pollInterval,
        longest.plus(leaseMargin),
        limits);
  }
}
