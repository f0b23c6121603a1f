package dev.qhook.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Renders the measurements as the Markdown table scenario | qhook | baseline | ratio | target |
 * met?.
 */
final class ResultTable {
  private ResultTable() {}

  /**
   * The table of every row whose qhook value was measured (and of the rows shown with their
   * baseline alone, {@link ReportRow#baselineAlone}). In smoke mode the counts are too small to
   * mean anything, so no target is judged.
   */
  static String render(List<ReportRow> rows, Map<String, Double> values, boolean smoke) {
    StringBuilder out = new StringBuilder();
    out.append("| scenario | qhook | baseline | ratio | target | met? |\n");
    out.append("|---|---:|---:|---:|---|---|\n");
    for (ReportRow row : rows) {
      Double qhook = values.get(row.qhookKey());
      Double baseline = row.baselineKey() == null ? null : values.get(row.baselineKey());
      if (qhook == null) {
        if (row.baselineAlone() && baseline != null) {
          out.append("| ")
              .append(row.scenario())
              .append(" | not measured | ")
              .append(number(baseline))
              .append(" | - | ")
              .append(row.target().describe())
              .append(" | - |\n");
        }
        continue;
      }
      Double ratio = ratio(qhook, baseline);
      Boolean met = row.target().met(qhook, ratio);
      out.append("| ")
          .append(row.scenario())
          .append(" | ")
          .append(number(qhook))
          .append(" | ")
          .append(baseline == null ? "-" : number(baseline))
          .append(" | ")
          .append(ratio == null ? "-" : String.format(Locale.ROOT, "%.2fx", ratio))
          .append(" | ")
          .append(row.target().describe())
          .append(" | ")
          .append(verdict(met, smoke))
          .append(" |\n");
    }
    return out.toString();
  }

  /** qhook / baseline, or null when there is no baseline or it is zero. */
  static @Nullable Double ratio(double qhook, @Nullable Double baseline) {
    if (baseline == null || baseline == 0) {
      return null;
    }
    return qhook / baseline;
  }

  private static String verdict(@Nullable Boolean met, boolean smoke) {
    if (met == null) {
      return "-";
    }
    if (smoke) {
      return "(smoke)";
    }
    return met ? "yes" : "NO";
  }

  /** Whole numbers and values from 1,000 on grouped by thousands; two decimals below 100. */
  static String number(double value) {
    if (Math.abs(value) >= 1000 || value == Math.rint(value)) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    if (Math.abs(value) >= 100) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    return String.format(Locale.ROOT, "%.2f", value);
  }
}
