package dev.qhook.internal.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Random JSON values for properties. */
final class JsonArbitraries {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Equal when structurally equal, numbers compared by value (1 equals 1.0). */
  static final Comparator<JsonNode> NUMERIC_AWARE =
      (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
          return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
      };

  private JsonArbitraries() {}

  /** Any text, including quotes, backslashes, control characters and non-ASCII. */
  static Arbitrary<String> anyText() {
    return Arbitraries.strings()
        .withCharRange('\u0000', '\u00ff')
        .withCharRange('\u0100', '\ud7ff')
        .withChars("\"\\'{}$")
        .ofMaxLength(12);
  }

  static Arbitrary<JsonNode> scalars() {
    return Arbitraries.oneOf(
        anyText().map(TextNode::valueOf),
        Arbitraries.integers().map(IntNode::valueOf),
        Arbitraries.longs().map(LongNode::valueOf),
        Arbitraries.doubles().map(DoubleNode::valueOf),
        Arbitraries.bigDecimals().ofScale(3).map(DecimalNode::valueOf),
        Arbitraries.of(BooleanNode.TRUE, BooleanNode.FALSE, NullNode.getInstance()));
  }

  /** Any JSON value, nested up to three levels. */
  static Arbitrary<JsonNode> values() {
    return Arbitraries.recursive(JsonArbitraries::scalars, JsonArbitraries::containers, 0, 3);
  }

  private static Arbitrary<JsonNode> containers(Arbitrary<JsonNode> elements) {
    Arbitrary<JsonNode> arrays = elements.list().ofMaxSize(4).map(JsonArbitraries::array);
    Arbitrary<JsonNode> objects =
        Arbitraries.maps(anyText(), elements).ofMaxSize(4).map(JsonArbitraries::object);
    return Arbitraries.oneOf(arrays, objects);
  }

  static ArrayNode array(List<JsonNode> elements) {
    ArrayNode array = NODES.arrayNode();
    elements.forEach(array::add);
    return array;
  }

  static ObjectNode object(Map<String, JsonNode> fields) {
    ObjectNode object = NODES.objectNode();
    fields.forEach(object::set);
    return object;
  }
}
