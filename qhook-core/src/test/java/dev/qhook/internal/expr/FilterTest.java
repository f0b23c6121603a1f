package dev.qhook.internal.expr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Evaluation of every predicate and operator (docs/reference/configuration.md, "Filters"); parse
 * errors are in FilterErrorTest.
 */
class FilterTest {
  private static final JsonNode DOC =
      Json.parse(
          """
          {"s": "paid", "empty": "", "num": 42, "dec": 1.50, "zero": 0, "neg": -3,
           "t": true, "f": false, "nil": null, "numtext": "42", "truetext": "true",
           "arr": ["a", 2, true, null], "emptyArr": [], "obj": {"k": "v"}, "emptyObj": {},
           "detail-type": "Scheduled Event", "items": [{"sku": "A1"}], "big": 12345678901234567890,
           "text": "Hello, World (x)", "a b": "space"}
          """);

  private static boolean test(String filter) {
    return Filter.parse(filter).test(DOC);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        // truthiness
        "$.t | true",
        "$.f | false",
        "$.s | true",
        "$.empty | false",
        "$.num | true",
        "$.zero | false",
        "$.neg | true",
        "$.arr | true",
        "$.emptyArr | true",
        "$.emptyObj | true",
        "$.nil | false",
        "$.missing | false",
        "s | true",
        "$ | true",
        // exists
        "$.nil exists | true",
        "$.empty exists | true",
        "$.missing exists | false",
        "$.items[0].sku exists | true",
        "$.items[1] exists | false",
      })
  void truthinessAndExists(String filter, boolean expected) {
    assertThat(test(filter)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "$.s == paid | true",
        "$.s == 'paid' | true",
        "$.s == \"paid\" | true",
        "$.s == Paid | false",
        "$.numtext == 42 | true",
        "$.numtext == 42.0 | false",
        "$.truetext == true | true",
        "$.num == 42 | true",
        "$.num == 42.0 | true",
        "$.num == '42' | true",
        "$.num == 4.2e1 | true",
        "$.num == forty | false",
        "$.dec == 1.5 | true",
        "$.big == 12345678901234567890 | true",
        "$.big == 12345678901234567891 | false",
        "$.t == true | true",
        "$.t == 'true' | true",
        "$.t == false | false",
        "$.f == false | true",
        "$.t == 1 | false",
        "$.nil == null | true",
        "$.nil == 'null' | true",
        "$.nil == 0 | false",
        "$.s == null | false",
        "$.missing == null | false",
        "$.arr == a | false",
        "$.obj == v | false",
        "$['detail-type'] == 'Scheduled Event' | true",
        "$.items[0].sku == A1 | true",
        "$['a b'] == space | true",
      })
  void equality(String filter, boolean expected) {
    assertThat(test(filter)).as(filter).isEqualTo(expected);
    String negated = filter.replace(" == ", " != ");
    assertThat(test(negated)).as(negated).isEqualTo(!expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "$.num > 41 | true",
        "$.num > 42 | false",
        "$.num >= 42 | true",
        "$.num >= 43 | false",
        "$.num < 43 | true",
        "$.num < 42 | false",
        "$.num <= 42 | true",
        "$.num <= 41.9 | false",
        "$.num > '41' | true",
        "$.neg < -2.5 | true",
        "$.dec > 1.49 | true",
        "$.num > 4e1 | true",
        "$.numtext > 1 | false",
        "$.num > abc | false",
        "$.missing < 1 | false",
        "$.nil < 1 | false",
        "$.t > 0 | false",
        "$.arr > 0 | false",
      })
  void orderingComparesNumbersOnly(String filter, boolean expected) {
    assertThat(test(filter)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "$.text contains World | true",
        "$.text contains 'World (x)' | true",
        "$.text contains world | false",
        "$.s contains '' | true",
        "$.arr contains a | true",
        "$.arr contains 2 | true",
        "$.arr contains 2.0 | true",
        "$.arr contains true | true",
        "$.arr contains null | true",
        "$.arr contains b | false",
        "$.num contains 4 | false",
        "$.obj contains k | false",
        "$.missing contains a | false",
        "$.text starts_with Hello | true",
        "$.text starts_with World | false",
        "$.text ends_with '(x)' | true",
        "$.text ends_with Hello | false",
        "$.num starts_with 4 | false",
        "$.arr starts_with a | false",
        "$.text matches 'W.rld' | true",
        "$.text matches '^World' | false",
        "$.text matches '^Hello.*\\)$' | true",
        "$.num matches '4' | false",
        "$.numtext matches '^\\d+$' | true",
        "$.text matches '\\bWorld\\b' | true",
        "$.s in [paid, open] | true",
        "$.s in ['open', \"closed\"] | false",
        "$.num in [1, 42.0] | true",
        "$.nil in [null] | true",
        "$.missing in [null] | false",
        "$.arr in [a] | false",
      })
  void stringArrayAndListOperators(String filter, boolean expected) {
    assertThat(test(filter)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "$.t and $.f | false",
        "$.t or $.f | true",
        "not $.f | true",
        "not not $.t | true",
        "$.f and $.f or $.t | true",
        "$.t or $.t and $.f | true",
        "($.t or $.t) and $.f | false",
        "not $.t or $.t | true",
        "not ($.t or $.t) | false",
        "not $.t and $.f | false",
        "$.s == paid and $.num > 40 and not $.nil | true",
        "(($.s == paid)) | true",
        "$.s==paid and($.num>=42)or $.f | true",
        "$.s == 'a and b' or $.f | false",
        "$.text == 'Hello, World (x)' | true",
        "$.missing != x and $.s != open | true",
      })
  void booleanOperatorsAndPrecedence(String filter, boolean expected) {
    assertThat(test(filter)).isEqualTo(expected);
  }

  @Test
  void keywordsAreOnlyKeywordsInTheirPlace() {
    JsonNode doc = Json.parse("{\"in\": \"and\", \"exists\": 1, \"op\": \"or\"}");
    assertThat(Filter.parse("$.in == and").test(doc)).isTrue();
    assertThat(Filter.parse("$.op in [or, and]").test(doc)).isTrue();
    assertThat(Filter.parse("exists exists").test(doc)).isTrue();
    assertThat(Filter.parse("$.exists").test(doc)).isTrue();
  }

  @Test
  void aDocumentThatIsNotJsonFindsNothing() {
    assertThat(Filter.parse("$.a").test(null)).isFalse();
    assertThat(Filter.parse("$ exists").test(null)).isFalse();
    assertThat(Filter.parse("$.a == x").test(null)).isFalse();
    assertThat(Filter.parse("$.a != x").test(null)).isTrue();
  }

  @Test
  void keepsItsText() {
    assertThat(Filter.parse("$.a == 1")).hasToString("$.a == 1");
  }
}
