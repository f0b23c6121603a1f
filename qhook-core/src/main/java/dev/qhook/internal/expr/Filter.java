package dev.qhook.internal.expr;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/** A parsed filter expression (SPEC §3.7). Immutable and thread-safe. */
public final class Filter {
  private final String text;

  private Filter(String text) {
    this.text = text;
  }

  /** Parses {@code text}, throwing {@link ExpressionException} naming the column of the problem. */
  public static Filter parse(String text) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** Evaluates against {@code document}; a null document (not JSON) finds nothing. */
  public boolean test(@Nullable JsonNode document) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  @Override
  public String toString() {
    return text;
  }
}
