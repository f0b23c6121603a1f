package dev.qhook.internal.expr;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * A parsed filter expression (docs/reference/configuration.md, "Filters"), e.g. {@code $.status ==
 * paid and $.amount > 100}. Immutable and thread-safe: parse once, test many times.
 */
public final class Filter {
  private final String text;
  private final FilterNode root;

  private Filter(String text, FilterNode root) {
    this.text = text;
    this.root = root;
  }

  /** Parses {@code text}, throwing {@link ExpressionException} naming the column of the problem. */
  public static Filter parse(String text) {
    return new Filter(text, FilterParser.parse(text));
  }

  /** Evaluates against {@code document}; a null document (not JSON) finds nothing. */
  public boolean test(@Nullable JsonNode document) {
    return root.test(document);
  }

  @Override
  public String toString() {
    return text;
  }
}
