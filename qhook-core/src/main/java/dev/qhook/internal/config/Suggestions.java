package dev.qhook.internal.config;

import java.util.Collection;
import java.util.Optional;

/**
 * Finds the valid name a user probably meant (edit distance at most 2;
 * docs/reference/configuration.md, "Messages").
 */
public final class Suggestions {
  static final int MAX_DISTANCE = 2;

  private Suggestions() {}

  /**
   * The candidate nearest to {@code typed} by Levenshtein distance, if it is within {@value
   * #MAX_DISTANCE} edits and fewer edits than either word has characters (so {@code x} does not
   * suggest {@code a}); ties go to the earlier candidate.
   */
  public static Optional<String> nearest(String typed, Collection<String> candidates) {
    String best = null;
    int bestDistance = MAX_DISTANCE + 1;
    for (String candidate : candidates) {
      int d = distance(typed, candidate);
      if (d < bestDistance && d < typed.length() && d < candidate.length()) {
        best = candidate;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /** {@code " (did you mean 'x'?)"}, or empty text when nothing is near. */
  public static String didYouMean(String typed, Collection<String> candidates) {
    return nearest(typed, candidates).map(s -> " (did you mean '" + s + "'?)").orElse("");
  }

  /** The Levenshtein distance: insertions, deletions and substitutions of single characters. */
  public static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
