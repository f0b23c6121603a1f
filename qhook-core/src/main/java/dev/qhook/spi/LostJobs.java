package dev.qhook.spi;

import java.util.List;

/**
 * What {@link Store#recoverLost} did: jobs whose worker vanished were made retryable, or dead when
 * that was their final attempt.
 */
public record LostJobs(int requeued, List<Job> dead) {
  public static final String FINAL_ATTEMPT_LOST = "worker lost during final attempt";
  public static final String ATTEMPT_LOST = "worker lost";

  /**
   * The error of a job that outlived {@code delivery.event_ttl} undelivered
   * (docs/reference/configuration.md, "delivery").
   */
  public static final String TTL_EXPIRED = "event TTL expired";

  /** The error of a queue message whose lease lapsed with deliveries left. */
  public static final String LEASE_EXPIRED = "lease expired";

  /** The error of a queue message whose lease lapsed on its final delivery. */
  public static final String FINAL_LEASE_EXPIRED = "lease expired on the final delivery";

  /** The error of a queue message nacked on its final delivery. */
  public static final String FINAL_NACK = "nacked on the final delivery";

  public LostJobs {
    dead = List.copyOf(dead);
  }
}
