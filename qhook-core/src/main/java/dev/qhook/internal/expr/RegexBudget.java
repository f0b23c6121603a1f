package dev.qhook.internal.expr;

import java.util.regex.Pattern;

/**
 * Runs a filter's {@code matches} regex on text the sender chose, within a budget of character
 * reads per value: {@value #BASE_READS} plus {@value #READS_PER_CHAR} per character of the value
 * (docs/reference/configuration.md, "Filters"). A regex that needs more (catastrophic backtracking
 * such as {@code (.*a){20}b}, or a quadratic regex on a long value) is abandoned and counts as not
 * found, so the work stays linear in the value's length; so does one that overflows the stack
 * ({@code ^(a|b)+$} on a long value). {@code java.util.regex} reads its input only through {@link
 * CharSequence#charAt}, so counting those reads bounds its work.
 */
final class RegexBudget {
  /** Reads any value may take: a few milliseconds of matching. */
  static final int BASE_READS = 1_000_000;

  /** Reads per character on top: an ordinary regex reads a value a few times at most. */
  static final int READS_PER_CHAR = 20;

  private RegexBudget() {}

  /** Whether {@code regex} is found in {@code text}; false when the budget runs out first. */
  static boolean find(Pattern regex, String text) {
    long budget = BASE_READS + (long) READS_PER_CHAR * text.length();
    try {
      return regex.matcher(new CountedText(text, (int) Math.min(budget, Integer.MAX_VALUE))).find();
    } catch (Exhausted e) {
      return false;
    } catch (StackOverflowError e) { // java.util.regex recurses per repetition of a group
      return false;
    }
  }

  /** Thrown out of the matcher when the reads are spent; no stack trace, it is never logged. */
  private static final class Exhausted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Exhausted() {
      super("regex budget exhausted", null, false, false);
    }
  }

  /** A view of a string that throws {@link Exhausted} after a number of {@link #charAt} calls. */
  private static final class CountedText implements CharSequence {
    private final String text;
    private final int offset;
    private final int length;
    private final int[] remaining;

    CountedText(String text, int budget) {
      this(text, 0, text.length(), new int[] {budget});
    }

    private CountedText(String text, int offset, int length, int[] remaining) {
      this.text = text;
      this.offset = offset;
      this.length = length;
      this.remaining = remaining;
    }

    @Override
    public char charAt(int index) {
      if (--remaining[0] < 0) {
        throw new Exhausted();
      }
      return text.charAt(offset + index);
    }

    @Override
    public int length() {
      return length;
    }

    /** Shares the budget: a matcher that reads through a sub-sequence still pays for it. */
    @Override
    public CharSequence subSequence(int start, int end) {
      if (start < 0 || end > length || start > end) {
        throw new IndexOutOfBoundsException("[" + start + ", " + end + ") of " + length);
      }
      return new CountedText(text, offset + start, end - start, remaining);
    }

    @Override
    public String toString() {
      return text.substring(offset, offset + length);
    }
  }
}
