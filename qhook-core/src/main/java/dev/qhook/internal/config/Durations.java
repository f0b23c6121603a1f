package dev.qhook.internal.config;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as the config and API write them (docs/reference/configuration.md, "Durations"): an
 * integer followed by {@code ms}, {@code s}, {@code m}, {@code h} or {@code d}, or a bare integer
 * meaning seconds.
 */
public final class Durations {
  /** The hint appended to every "invalid duration" message. */
  public static final String EXAMPLES = "examples: 500ms, 30s, 5m, 2h, 7d";

  private static final Pattern FORM = Pattern.compile("(\\d{1,18})(ms|s|m|h|d)?");

  private Durations() {}

  /** Parses {@code text}, or empty when it is not a duration (or does not fit a Duration). */
  public static Optional<Duration> parse(String text) {
    Matcher m = FORM.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    long amount = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    try {
      return Optional.of(
          switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
          });
    } catch (ArithmeticException overflow) {
      return Optional.empty();
    }
  }

  /** The shortest exact text for a non-negative duration that {@link #parse} reads back. */
  public static String format(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("negative duration: " + duration);
    }
    if (duration.getNano() % 1_000_000 != 0) {
      throw new IllegalArgumentException("sub-millisecond duration: " + duration);
    }
    long millis = duration.toMillis();
    if (millis % 1000 != 0) {
      return millis + "ms";
    }
    long seconds = millis / 1000;
    if (seconds != 0 && seconds % 86_400 == 0) {
      return seconds / 86_400 + "d";
    }
    if (seconds != 0 && seconds % 3600 == 0) {
      return seconds / 3600 + "h";
    }
    if (seconds != 0 && seconds % 60 == 0) {
      return seconds / 60 + "m";
    }
    return seconds + "s";
  }
}
