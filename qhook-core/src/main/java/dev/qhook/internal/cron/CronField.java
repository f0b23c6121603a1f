package dev.qhook.internal.cron;

import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/** One field of a cron expression: the set of values it allows within {@code [min, max]}. */
record CronField(BitSet allowed, boolean unrestricted) {
  static final List<String> MONTHS =
      List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
  static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

  boolean has(int value) {
    return allowed.get(value);
  }

  /**
   * Parses {@code text}: a comma list of {@code *}, {@code ?}, {@code N}, {@code N-M}, each with an
   * optional {@code /STEP}; {@code names} (index + {@code nameBase}) may replace numbers.
   */
  static CronField parse(
      String text, String fieldName, int min, int max, List<String> names, int nameBase) {
    BitSet allowed = new BitSet(max + 1);
    boolean unrestricted = text.equals("*") || text.equals("?");
    for (String item : text.split(",", -1)) {
      int slash = item.indexOf('/');
      String range = slash < 0 ? item : item.substring(0, slash);
      int step = slash < 0 ? 1 : number(item.substring(slash + 1), fieldName, 1, max);
      int from;
      int to;
      if (range.equals("*") || range.equals("?")) {
        from = min;
        to = max;
      } else {
        int dash = range.indexOf('-');
        from =
            value(
                dash < 0 ? range : range.substring(0, dash), fieldName, min, max, names, nameBase);
        to =
            dash < 0
                ? (slash < 0 ? from : max)
                : value(range.substring(dash + 1), fieldName, min, max, names, nameBase);
        if (to < from) {
          throw new IllegalArgumentException(
              "invalid range '" + range + "' in " + fieldName + " field");
        }
      }
      for (int v = from; v <= to; v += step) {
        allowed.set(v);
      }
    }
    return new CronField(allowed, unrestricted);
  }

  private static int value(
      String text, String fieldName, int min, int max, List<String> names, int nameBase) {
    int index = names.indexOf(text.toUpperCase(Locale.ROOT));
    if (index >= 0) {
      return index + nameBase;
    }
    return number(text, fieldName, min, max);
  }

  private static int number(String text, String fieldName, int min, int max) {
    if (!text.matches("\\d{1,2}")) {
      throw new IllegalArgumentException("invalid value '" + text + "' in " + fieldName + " field");
    }
    int n = Integer.parseInt(text);
    if (n < min || n > max) {
      throw new IllegalArgumentException(
          fieldName + " value " + n + " out of range " + min + "-" + max);
    }
    return n;
  }
}
