package dev.qhook.internal.engine;

import dev.qhook.internal.queue.PullQueues;
import dev.qhook.spi.Job;
import dev.qhook.spi.JobKind;
import dev.qhook.spi.Store;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code qhook_dlq_total} label of jobs that maintenance makes dead (event TTL, lost on their
 * final attempt), the same as delivery gives them: the handler, {@code queue/<name>}, and for an
 * outbound job {@code outbound/<source>} of its endpoint (never the endpoint id: endpoints are
 * unbounded). The alert keeps {@link PullQueues#deadLetterLabel} ({@code outbound/<endpoint id>}).
 * One instance per sweep: each endpoint's source is read once.
 */
final class DeadLetterLabels {
  private final Store store;
  private final Map<String, String> outbound = new HashMap<>();

  DeadLetterLabels(Store store) {
    this.store = store;
  }

  String metricLabel(Job job) {
    if (job.kind() != JobKind.OUTBOUND) {
      return PullQueues.deadLetterLabel(job);
    }
    return outbound.computeIfAbsent(job.target(), this::sourceLabel);
  }

  private String sourceLabel(String endpointId) {
    try {
      return store
          .outbound()
          .endpoint(endpointId)
          .map(e -> "outbound/" + e.source())
          .orElse("outbound");
    } catch (RuntimeException e) { // a deleted endpoint or an unreadable store: still counted
      return "outbound";
    }
  }
}
