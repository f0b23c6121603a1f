package dev.qhook.spi;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a worker asks {@link Store#claim} for.
 *
 * @param limit at most this many jobs
 * @param leaseUntil claimed jobs are leased to the caller until then
 * @param kinds only jobs of these kinds
 * @param concurrencyLimits per target: at most this many jobs running at once, cluster-wide
 * @param target only jobs of this target (a queue receive), or null for every target
 */
public record ClaimRequest(
    Instant now,
    int limit,
    Instant leaseUntil,
    Set<JobKind> kinds,
    Map<String, Integer> concurrencyLimits,
    @Nullable String target) {

  public ClaimRequest {
    requireNonNull(now, "now");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1, was " + limit);
    }
    requireNonNull(leaseUntil, "leaseUntil");
    kinds = Set.copyOf(kinds);
    concurrencyLimits = Map.copyOf(concurrencyLimits);
  }

  /** A claim of jobs of every target. */
  public ClaimRequest(
      Instant now,
      int limit,
      Instant leaseUntil,
      Set<JobKind> kinds,
      Map<String, Integer> concurrencyLimits) {
    this(now, limit, leaseUntil, kinds, concurrencyLimits, null);
  }

  /**
   * A queue receive: leases up to {@code limit} visible messages of {@code queue} (oldest due
   * first, at most one per ordering key in flight) until {@code leaseUntil}, counting a delivery of
   * each.
   */
  public static ClaimRequest queue(String queue, Instant now, int limit, Instant leaseUntil) {
    return new ClaimRequest(
        now, limit, leaseUntil, Set.of(JobKind.QUEUE), Map.of(), requireNonNull(queue, "queue"));
  }
}
