package dev.qhook.internal.expr;

import org.jspecify.annotations.Nullable;

/**
 * An event-type pattern (docs/reference/configuration.md, "Event patterns"): {@code *} (any type),
 * an exact type, or {@code P.*} (any type starting with {@code P.}, at any depth: {@code order.*}
 * matches {@code order.paid} and {@code order.refund.created}, not {@code order} or {@code
 * orders.x}). Any other use of {@code *} is rejected. Immutable and thread-safe.
 */
public final class EventPattern {
  private static final String ANY = "*";
  private static final String PREFIX_SUFFIX = ".*";

  private final String text;
  private final @Nullable String prefix;

  private EventPattern(String text, @Nullable String prefix) {
    this.text = text;
    this.prefix = prefix;
  }

  /**
   * Parses {@code text}.
   *
   * @throws ExpressionException when the pattern is empty or uses {@code *} other than alone or as
   *     a final {@code .*} after a non-empty prefix
   */
  public static EventPattern parse(String text) {
    if (text.isEmpty()) {
      throw new ExpressionException("empty event pattern (use '*' for any type)");
    }
    if (text.equals(ANY)) {
      return new EventPattern(text, "");
    }
    if (text.equals(PREFIX_SUFFIX)) {
      throw ExpressionException.at("missing prefix before '.*'", text, 0, "use '*' for any type");
    }
    String prefix = null;
    String starFree = text;
    if (text.endsWith(PREFIX_SUFFIX) && text.length() > PREFIX_SUFFIX.length()) {
      prefix = text.substring(0, text.length() - 1);
      starFree = text.substring(0, text.length() - PREFIX_SUFFIX.length());
    }
    int star = starFree.indexOf('*');
    if (star >= 0) {
      throw ExpressionException.at(
          "unexpected '*'", text, star, "use '*' alone or a final '.*' as in 'order.*'");
    }
    return new EventPattern(text, prefix);
  }

  /** Whether {@code eventType} matches this pattern. */
  public boolean matches(String eventType) {
    if (prefix == null) {
      return text.equals(eventType);
    }
    return eventType.startsWith(prefix);
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof EventPattern pattern && text.equals(pattern.text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
