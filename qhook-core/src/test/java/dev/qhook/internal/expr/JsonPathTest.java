package dev.qhook.internal.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonPathTest {
  private static final JsonNode DOC =
      Json.parse(
          """
          {"status": "paid", "items": [{"sku": "A1"}, {"sku": "B2"}], "detail-type": "x",
           "odd key": 1, "nothing": null, "a": {"b": {"c": true}}}
          """);

  private static String resolve(String path, JsonNode document) {
    return JsonPath.parse(path).resolve(document).map(JsonNode::toString).orElse("<missing>");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "$.status            | \"paid\"",
        "status              | \"paid\"",
        "$.items[0].sku      | \"A1\"",
        "items[1].sku        | \"B2\"",
        "$['detail-type']    | \"x\"",
        "$.detail-type       | \"x\"",
        "$[\"odd key\"]      | 1",
        "$['a'].b['c']       | true",
        "$.a.b.c             | true",
        "$.nothing           | null",
        "$.items[2]          | <missing>",
        "$.status.x          | <missing>",
        "$.status[0]         | <missing>",
        "$.items.sku         | <missing>",
        "$.nope              | <missing>",
        "$.nothing.x         | <missing>",
      })
  void resolvesTheAddressedValueOrMissing(String path, String expected) {
    assertThat(resolve(path, DOC)).isEqualTo(expected);
  }

  @Test
  void dollarAloneIsTheWholeDocument() {
    assertThat(JsonPath.parse("$").resolve(DOC)).contains(DOC);
    assertThat(JsonPath.parse("$").isRoot()).isTrue();
    assertThat(JsonPath.root().resolve(DOC)).contains(DOC);
  }

  @Test
  void indexesApplyToATopLevelArray() {
    assertThat(resolve("$[1]", Json.parse("[10, 20]"))).isEqualTo("20");
  }

  @Test
  void aNullDocumentResolvesNothing() {
    assertThat(JsonPath.parse("$").resolve(null)).isEmpty();
    assertThat(JsonPath.parse("$.a").resolve(null)).isEmpty();
  }

  @Test
  void quotedKeysUnderstandEscapes() {
    JsonNode doc = Json.parse("{\"it's\": 1, \"a\\\"b\": 2}");
    assertThat(resolve("$['it\\'s']", doc)).isEqualTo("1");
    assertThat(resolve("$[\"a\\\"b\"]", doc)).isEqualTo("2");
  }

  @Test
  void equalPathsAddressTheSameLocation() {
    assertThat(JsonPath.parse("status")).isEqualTo(JsonPath.parse("$.status"));
    assertThat(JsonPath.parse("$['status']")).isEqualTo(JsonPath.parse("$.status"));
    assertThat(JsonPath.parse("$.a[0]")).isNotEqualTo(JsonPath.parse("$.a['0']"));
    assertThat(JsonPath.parse("$['x']").toString()).isEqualTo("$['x']");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "$.a.               | expected a key after '.' at column 5",
        "$..a               | expected a key after '.' at column 3",
        "$.items[-1]        | array index must be >= 0 at column 9",
        "$.items[0          | missing ']' at column 10 ('[' opened at column 8)",
        "$.items[x]         | unexpected 'x' at column 9 (expected an index or a quoted key after '[')",
        "$['a               | unterminated string at column 3",
        "$.a b              | unexpected ' b' at column 4",
        "$a                 | unexpected 'a' at column 2",
        ".a                 | unexpected '.' at column 1 (expected a path such as $.name)",
        "$[99999999999]     | array index 99999999999 is too large at column 3",
        "$.a[0]x            | unexpected 'x' at column 7",
      })
  void rejectsMalformedPathsNamingTheColumn(String path, String message) {
    assertThatThrownBy(() -> JsonPath.parse(path))
        .isInstanceOf(ExpressionException.class)
        .hasMessage(message);
  }

  @Test
  void rejectsAnEmptyPath() {
    assertThatThrownBy(() -> JsonPath.parse(""))
        .isInstanceOf(ExpressionException.class)
        .hasMessage("empty path (use $ for the whole document)");
  }

  @Test
  void keysAreStringsOrTheJsonTextOfNumbers() {
    JsonNode doc = Json.parse("{\"s\": \"k1\", \"i\": 42, \"d\": 1.5, \"b\": true, \"n\": null}");
    assertThat(JsonPath.parse("$.s").resolveKey(doc)).contains("k1");
    assertThat(JsonPath.parse("$.i").resolveKey(doc)).contains("42");
    assertThat(JsonPath.parse("$.d").resolveKey(doc)).contains("1.5");
    assertThat(JsonPath.parse("$.b").resolveKey(doc)).isEmpty();
    assertThat(JsonPath.parse("$.n").resolveKey(doc)).isEmpty();
    assertThat(JsonPath.parse("$").resolveKey(doc)).isEmpty();
    assertThat(JsonPath.parse("$.x").resolveKey(null)).isEmpty();
  }

  @Test
  void setAtRootReplacesTheDocument() {
    assertThat(JsonPath.root().set(DOC, TextNode.valueOf("r"))).isEqualTo(TextNode.valueOf("r"));
  }

  @Test
  void setCreatesObjectsAsNeededInACopy() {
    JsonNode input = Json.parse("{\"a\": {\"keep\": 1}, \"s\": \"text\"}");
    JsonNode result = JsonPath.parse("$.a.b.c").set(input, TextNode.valueOf("v"));
    assertThat(result)
        .isEqualTo(Json.parse("{\"a\": {\"keep\": 1, \"b\": {\"c\": \"v\"}}, \"s\": \"text\"}"));
    assertThat(input).isEqualTo(Json.parse("{\"a\": {\"keep\": 1}, \"s\": \"text\"}"));
    assertThat(JsonPath.parse("$.s.x").set(input, NullNode.getInstance()).get("s"))
        .isEqualTo(Json.parse("{\"x\": null}"));
  }

  @Test
  void setOnANonObjectInputStartsFromAnEmptyObject() {
    assertThat(JsonPath.parse("$.build").set(Json.parse("[1]"), Json.parse("{\"ok\": true}")))
        .isEqualTo(Json.parse("{\"build\": {\"ok\": true}}"));
    assertThat(JsonPath.parse("$.build").set(null, Json.parse("1")))
        .isEqualTo(Json.parse("{\"build\": 1}"));
  }

  @Test
  void setAtAnIndexReplacesOrPadsWithNulls() {
    JsonNode input = Json.parse("{\"list\": [1, 2]}");
    assertThat(JsonPath.parse("$.list[0]").set(input, Json.parse("9")))
        .isEqualTo(Json.parse("{\"list\": [9, 2]}"));
    assertThat(JsonPath.parse("$.list[3]").set(input, Json.parse("9")))
        .isEqualTo(Json.parse("{\"list\": [1, 2, null, 9]}"));
    assertThat(JsonPath.parse("$.new[1].x").set(input, Json.parse("9")).get("new"))
        .isEqualTo(Json.parse("[null, {\"x\": 9}]"));
  }

  @Test
  void setThenResolveReturnsTheValue() {
    JsonPath path = JsonPath.parse("$.a['odd key'][2].z");
    JsonNode value = Json.parse("{\"deep\": [1]}");
    assertThat(path.resolve(path.set(DOC, value))).contains(value);
  }
}
