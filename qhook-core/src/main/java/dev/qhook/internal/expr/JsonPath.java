package dev.qhook.internal.expr;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A parsed JSON path (SPEC §3.7): {@code $}, {@code .name}, {@code ['any name']}, {@code [n]}. */
public final class JsonPath {
  private final String text;

  private JsonPath(String text) {
    this.text = text;
  }

  /** Parses {@code text}; the leading {@code $.} may be omitted. */
  public static JsonPath parse(String text) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /**
   * The value at this path, or empty when the path meets a missing key, a wrong type or an
   * out-of-range index. A JSON null is present (a {@code NullNode}). A null document (a body that
   * is not JSON) resolves every path to empty.
   */
  public Optional<JsonNode> resolve(@Nullable JsonNode document) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  @Override
  public String toString() {
    return text;
  }
}
