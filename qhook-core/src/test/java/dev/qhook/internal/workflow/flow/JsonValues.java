package dev.qhook.internal.workflow.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Arbitrary JSON documents for properties. */
final class JsonValues {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonValues() {}

  static Arbitrary<String> keys() {
    return Arbitraries.strings().withCharRange('a', 'e').ofMinLength(1).ofMaxLength(3);
  }

  static Arbitrary<JsonNode> scalars() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(5).map(NODES::textNode),
        Arbitraries.integers().map(NODES::numberNode),
        Arbitraries.of(true, false).map(NODES::booleanNode),
        Arbitraries.just(NODES.nullNode()));
  }

  /** Values nested at most two levels deep. */
  static Arbitrary<JsonNode> values() {
    return values(2);
  }

  static Arbitrary<ObjectNode> objects() {
    return objects(values(1));
  }

  private static Arbitrary<JsonNode> values(int depth) {
    if (depth == 0) {
      return scalars();
    }
    Arbitrary<JsonNode> inner = values(depth - 1);
    return Arbitraries.oneOf(
        scalars(),
        objects(inner).map(o -> (JsonNode) o),
        inner.list().ofMaxSize(3).map(l -> (JsonNode) NODES.arrayNode().addAll(l)));
  }

  private static Arbitrary<ObjectNode> objects(Arbitrary<JsonNode> fields) {
    return Arbitraries.maps(keys(), fields)
        .ofMaxSize(3)
        .map(
            map -> {
              ObjectNode object = NODES.objectNode();
              map.forEach(object::set);
              return object;
            });
  }
}
