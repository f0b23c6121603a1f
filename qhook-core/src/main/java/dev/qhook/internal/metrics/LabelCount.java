package dev.qhook.internal.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code qhook_metric_label_count} (docs/reference/http-api.md, "GET /metrics"): how many distinct
 * label values the engine's labelled families hold, counted as distinct (family, label, value)
 * triples over the {@code qhook_*} meters. It grows with every new handler, source, queue, workflow
 * or outbound source that gets a value; a count that keeps growing points at a label fed by
 * unbounded input. Computed at each scrape from the registry's meters (no database read).
 */
final class LabelCount {
  static final String NAME = "qhook.metric.label.count";
  private static final String PREFIX = "qhook.";

  private LabelCount() {}

  static void register(MeterRegistry registry) {
    Gauge.builder(NAME, registry, LabelCount::count)
        .description(
            "Distinct label values across the labelled qhook families: (family, label, value)"
                + " triples")
        .strongReference(true)
        .register(registry);
  }

  static double count(MeterRegistry registry) {
    Set<String> triples = new HashSet<>();
    for (Meter meter : registry.getMeters()) {
      Meter.Id id = meter.getId();
      if (!id.getName().startsWith(PREFIX) || id.getName().equals(NAME)) {
        continue;
      }
      for (Tag tag : id.getTagsAsIterable()) {
        triples.add(id.getName() + '\n' + tag.getKey() + '\n' + tag.getValue());
      }
    }
    return triples.size();
  }
}
