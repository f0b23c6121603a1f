package dev.qhook.spi;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * What a worker asks {@link Store#claim} for.
 *
 * @param limit at most this many jobs
 * @param leaseUntil claimed jobs are leased to the caller until then
 * @param kinds only jobs of these kinds
 * @param concurrencyLimits per target: at most this many jobs running at once, cluster-wide
 */
public record ClaimRequest(
    Instant now,
    int limit,
    Instant leaseUntil,
    Set<JobKind> kinds,
    Map<String, Integer> concurrencyLimits) {

  public ClaimRequest {
    requireNonNull(now, "now");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1, was " + limit);
    }
    requireNonNull(leaseUntil, "leaseUntil");
    kinds = Set.copyOf(kinds);
    concurrencyLimits = Map.copyOf(concurrencyLimits);
  }
}
