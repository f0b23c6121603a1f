package dev.qhook.bench;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** What a row of the table must reach: a ratio to its baseline, a bound, or nothing. */
sealed interface Target {
  /** Whether the measurement meets the target; null when there is nothing to check. */
  @Nullable Boolean met(double qhook, @Nullable Double ratio);

  String describe();

  /** qhook / baseline must be at least {@code minimum}. */
  record RatioAtLeast(double minimum) implements Target {
    @Override
    public @Nullable Boolean met(double qhook, @Nullable Double ratio) {
      return ratio == null ? null : ratio >= minimum;
    }

    @Override
    public String describe() {
      return String.format(Locale.ROOT, ">= %.1fx", minimum);
    }
  }

  /** The qhook value must stay below {@code limit} (in the row's unit). */
  record Below(double limit, String unit) implements Target {
    @Override
    public @Nullable Boolean met(double qhook, @Nullable Double ratio) {
      return qhook < limit;
    }

    @Override
    public String describe() {
      return "< " + ResultTable.number(limit) + " " + unit;
    }
  }

  /** The qhook value must reach at least {@code limit} (in the row's unit). */
  record AtLeast(double limit, String unit) implements Target {
    @Override
    public @Nullable Boolean met(double qhook, @Nullable Double ratio) {
      return qhook >= limit;
    }

    @Override
    public String describe() {
      return ">= " + ResultTable.number(limit) + " " + unit;
    }
  }

  /** Reported for information. */
  record None() implements Target {
    @Override
    public @Nullable Boolean met(double qhook, @Nullable Double ratio) {
      return null;
    }

    @Override
    public String describe() {
      return "-";
    }
  }
}
