package dev.qhook.internal.expr;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A parsed JSON path (docs/reference/configuration.md, "Paths"): {@code $}, {@code .name}, {@code
 * ['any name']}, {@code [n]}. Immutable and thread-safe; two paths are equal when they address the
 * same location ({@code status} equals {@code $.status} and {@code $['status']}).
 */
public final class JsonPath {
  private static final JsonPath ROOT = new JsonPath("$", List.of());

  private final String text;
  private final List<PathSegment> segments;

  private JsonPath(String text, List<PathSegment> segments) {
    this.text = text;
    this.segments = segments;
  }

  /**
   * Parses {@code text}; the leading {@code $.} may be omitted.
   *
   * @throws ExpressionException naming the problem and its column
   */
  public static JsonPath parse(String text) {
    if (text.isEmpty()) {
      throw new ExpressionException("empty path (use $ for the whole document)");
    }
    PathParser.Parsed parsed = PathParser.parsePrefix(text, 0);
    if (parsed.end() < text.length()) {
      throw ExpressionException.at(
          "unexpected " + ExpressionException.quote(text.substring(parsed.end())),
          text,
          parsed.end());
    }
    return new JsonPath(text, parsed.segments());
  }

  /** The path {@code $}, addressing the whole document. */
  public static JsonPath root() {
    return ROOT;
  }

  /** Wraps segments parsed inside a filter or template; {@code text} is the path as written. */
  static JsonPath of(String text, List<PathSegment> segments) {
    return new JsonPath(text, segments);
  }

  /** Whether this is {@code $} (the whole document). */
  public boolean isRoot() {
    return segments.isEmpty();
  }

  /**
   * The value at this path, or empty when the path meets a missing key, a wrong type or an
   * out-of-range index. A JSON null is present (a {@code NullNode}). A null document (a body that
   * is not JSON) resolves every path to empty.
   */
  public Optional<JsonNode> resolve(@Nullable JsonNode document) {
    JsonNode current = document;
    for (PathSegment segment : segments) {
      if (current == null) {
        return Optional.empty();
      }
      current = step(current, segment);
    }
    return current == null || current.isMissingNode() ? Optional.empty() : Optional.of(current);
  }

  /**
   * The value at this path as a key (docs/reference/configuration.md, "Idempotency keys", "Ordering
   * keys"): a string as is, a number as its JSON text ({@code 42}, {@code 1.5}, {@code 1E+999}: see
   * {@link Numbers#text}); empty for anything else or nothing.
   */
  public Optional<String> resolveKey(@Nullable JsonNode document) {
    return resolve(document)
        .filter(value -> value.isTextual() || value.isNumber())
        .map(value -> value.isTextual() ? value.textValue() : Numbers.text(value));
  }

  /**
   * A copy of {@code document} with {@code value} at this path (a workflow step's {@code
   * result_path}). {@code $} returns {@code value} itself. Objects are created where a key segment
   * meets a missing or non-object value (so a non-object document is first replaced by {@code {}});
   * likewise an index segment creates an array where needed and pads it with nulls up to the index.
   * The input document is not modified.
   */
  public JsonNode set(@Nullable JsonNode document, JsonNode value) {
    return PathWriter.set(segments, document, value);
  }

  private static @Nullable JsonNode step(JsonNode node, PathSegment segment) {
    if (segment instanceof PathSegment.Key key) {
      return node.isObject() ? node.get(key.name()) : null;
    }
    int index = ((PathSegment.Index) segment).index();
    return node.isArray() ? node.get(index) : null;
  }

  List<PathSegment> segments() {
    return segments;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof JsonPath path && segments.equals(path.segments);
  }

  @Override
  public int hashCode() {
    return segments.hashCode();
  }

  /** The path as written. */
  @Override
  public String toString() {
    return text;
  }
}
