package dev.qhook.internal.workflow;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The results of the branch and item jobs this instance completed, by activation, until their join:
 * the job whose result completes the set here knows every result without a read, and executes the
 * join inline ({@link InlineSteps}). Whether the join happens is still the store's to say, in the
 * transaction (every branch job completed); when the set was completed elsewhere (another instance,
 * before a restart) the join stays a job. Only a hint: bounded, and forgetting costs a job.
 */
final class LocalJoins {
  /** Joins of more branches or items than this stay jobs: their results are not held. */
  static final int MAX_RESULTS = 32;

  /** Activations held at most; beyond it the hints are dropped. */
  static final int MAX_OPEN = 10_000;

  private final Map<String, Map<String, String>> open = new ConcurrentHashMap<>();

  /**
   * Records the result of branch or item {@code branch} of {@code activation}; returns every result
   * when this one completes the {@code total} here (and forgets them), else null.
   */
  @Nullable Map<String, String> completed(
      String activation, String branch, String result, int total) {
    if (total > MAX_RESULTS) {
      return null;
    }
    if (open.size() >= MAX_OPEN) {
      open.clear();
    }
    AtomicReference<@Nullable Map<String, String>> all = new AtomicReference<>();
    open.compute(
        activation,
        (key, results) -> {
          Map<String, String> held = results == null ? new HashMap<>() : results;
          held.put(branch, result);
          if (held.size() < total) {
            return held;
          }
          all.set(held);
          return null;
        });
    return all.get();
  }

  /** Forgets the results of {@code activation} (its step failed or was cancelled). */
  void forget(String activation) {
    open.remove(activation);
  }
}
