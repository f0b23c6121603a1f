package dev.qhook.internal.expr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Property (c): on any input, parsing succeeds or throws {@link ExpressionException}. */
class ParserRobustnessProperties {
  private static final JsonNode DOCUMENT =
      Json.parse("{\"a\": [1, \"x\", {\"b\": null}], \"s\": \"text\", \"n\": 3}");

  @Provide
  Arbitrary<String> anyText() {
    return Arbitraries.strings().all().ofMaxLength(40);
  }

  /** Mostly the characters the languages are made of, so parses get deep before failing. */
  @Provide
  Arbitrary<String> grammarText() {
    Arbitrary<String> pieces =
        Arbitraries.of(
            "$",
            ".",
            "a",
            "b",
            "[",
            "]",
            "0",
            "-1",
            "'",
            "\"",
            "\\",
            "(",
            ")",
            " ",
            "==",
            "!=",
            "=",
            "!",
            "<",
            ">=",
            "and",
            "or",
            "not",
            "in",
            "exists",
            "contains",
            "matches",
            "starts_with",
            ",",
            "{{",
            "}}",
            "{",
            "*",
            ".*",
            "\\u00",
            "x",
            "\n",
            "9999999999");
    return pieces.list().ofMaxSize(15).map(list -> String.join("", list));
  }

  @Property(tries = 3000)
  void randomTextOnlyEverFailsWithExpressionException(@ForAll("anyText") String text) {
    assertParsersFailCleanly(text);
  }

  @Property(tries = 5000)
  void grammarLikeTextOnlyEverFailsWithExpressionException(@ForAll("grammarText") String text) {
    assertParsersFailCleanly(text);
  }

  private static void assertParsersFailCleanly(String text) {
    parsesOrFailsCleanly(text, t -> Filter.parse(t).test(DOCUMENT));
    parsesOrFailsCleanly(text, t -> Template.parse(t).render(DOCUMENT));
    parsesOrFailsCleanly(text, t -> JsonPath.parse(t).resolve(DOCUMENT));
    parsesOrFailsCleanly(text, t -> EventPattern.parse(t).matches("a.b"));
  }

  private static void parsesOrFailsCleanly(String text, Consumer<String> use) {
    try {
      use.accept(text);
    } catch (ExpressionException e) {
      assertThat(e.getMessage()).isNotBlank();
      boolean namesPosition =
          e.getMessage().contains("column") || e.getMessage().startsWith("empty");
      assertThat(namesPosition).as(e.getMessage()).isTrue();
    }
  }
}
