package dev.qhook.internal.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Writes a value at a path into a copy of a document (see {@link JsonPath#set}). */
final class PathWriter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private PathWriter() {}

  static JsonNode set(List<PathSegment> segments, @Nullable JsonNode document, JsonNode value) {
    if (segments.isEmpty()) {
      return value;
    }
    JsonNode copy = document == null ? null : document.deepCopy();
    return setIn(copy, segments, 0, value);
  }

  private static JsonNode setIn(
      @Nullable JsonNode current, List<PathSegment> segments, int depth, JsonNode value) {
    if (depth == segments.size()) {
      return value;
    }
    PathSegment segment = segments.get(depth);
    if (segment instanceof PathSegment.Key key) {
      ObjectNode object = current instanceof ObjectNode o ? o : NODES.objectNode();
      object.set(key.name(), setIn(object.get(key.name()), segments, depth + 1, value));
      return object;
    }
    int index = ((PathSegment.Index) segment).index();
    ArrayNode array = current instanceof ArrayNode a ? a : NODES.arrayNode();
    while (array.size() <= index) {
      array.addNull();
    }
    array.set(index, setIn(array.get(index), segments, depth + 1, value));
    return array;
  }
}
