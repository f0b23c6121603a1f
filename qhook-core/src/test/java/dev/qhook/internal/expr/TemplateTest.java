package dev.qhook.internal.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateTest {
  private static final JsonNode DOC =
      Json.parse(
          """
          {"name": "Ann \\"A\\"\\n", "n": 42, "f": 1.5, "ok": true, "none": null,
           "list": [1, "two"], "obj": {"k": "v"}, "inject": "{{ $.n }}"}
          """);

  private static String render(String template) {
    return Template.parse(template).render(DOC);
  }

  @Test
  void stringsBecomeEscapedContentsWithoutQuotes() {
    assertThat(render("{\"who\": \"{{ $.name }}\"}")).isEqualTo("{\"who\": \"Ann \\\"A\\\"\\n\"}");
  }

  @Test
  void scalarsBecomeTheirLiteral() {
    assertThat(render("{{ $.n }} {{ $.f }} {{ $.ok }}")).isEqualTo("42 1.5 true");
  }

  @Test
  void nullAndMissingBecomeNull() {
    assertThat(render("{{ $.none }},{{ $.missing }},{{ $.n.x }}")).isEqualTo("null,null,null");
  }

  @Test
  void arraysAndObjectsBecomeCompactJson() {
    assertThat(render("{\"l\": {{ $.list }}, \"o\": {{$.obj}}}"))
        .isEqualTo("{\"l\": [1,\"two\"], \"o\": {\"k\":\"v\"}}");
  }

  @Test
  void wholeDocumentAndOmittedDollar() {
    assertThat(Template.parse("{{ $ }}").render(Json.parse("{\"a\":1}"))).isEqualTo("{\"a\":1}");
    assertThat(render("{{ n }}")).isEqualTo("42");
    assertThat(render("{{ list[1] }}")).isEqualTo("two");
  }

  @Test
  void insertedTextIsNeverExpandedAgain() {
    assertThat(render("{{ $.inject }}")).isEqualTo("{{ $.n }}");
  }

  @Test
  void textWithoutPlaceholdersPassesThrough() {
    String text = "{\"text\": \"Terraform apply succeeded }} {\"}\n";
    assertThat(render(text)).isEqualTo(text);
    assertThat(render("")).isEmpty();
  }

  @Test
  void extraOpeningBracesStayText() {
    assertThat(render("[{{{ $.n }}}]")).isEqualTo("[{42}]");
  }

  @Test
  void blanksInsidePlaceholdersAreOptional() {
    assertThat(render("{{$.n}}|{{   $.n\n}}")).isEqualTo("42|42");
  }

  @Test
  void quotedKeysMayContainClosingBraces() {
    assertThat(Template.parse("{{ $['a}}b'] }}").render(Json.parse("{\"a}}b\": 7}")))
        .isEqualTo("7");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "x {{ $.a          | missing '}}' for '{{' at column 3",
        "x {{              | missing '}}' for '{{' at column 3",
        "{{ }}             | empty placeholder at column 1 (write {{ $.name }})",
        "{{ $.a $.b }}     | unexpected '$' at column 8 (a placeholder holds one path, as in {{ $.name }})",
        "{{ $.a. }}        | expected a key after '.' at column 8",
        "{{ 'x' }}         | unexpected ''' at column 4 (expected a path such as $.name)",
        "ok {{ $.a[-1] }}  | array index must be >= 0 at column 11",
      })
  void rejectsMalformedPlaceholdersNamingTheColumn(String template, String message) {
    assertThatThrownBy(() -> Template.parse(template))
        .isInstanceOf(ExpressionException.class)
        .hasMessage(message);
  }

  @Test
  void multiLineTemplatesReportLineAndColumn() {
    assertThatThrownBy(() -> Template.parse("{\n  \"a\": {{ $.x. }}\n}"))
        .isInstanceOf(ExpressionException.class)
        .hasMessage("expected a key after '.' at line 2, column 15");
  }
}
