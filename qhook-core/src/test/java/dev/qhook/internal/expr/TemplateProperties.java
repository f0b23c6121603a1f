package dev.qhook.internal.expr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class TemplateProperties {
  private static final Template PLACEHOLDER = Template.parse("{{ $.x }}");

  @Provide
  Arbitrary<JsonNode> anyValue() {
    return JsonArbitraries.values();
  }

  @Property
  void aWholePlaceholderRendersTheValueItself(@ForAll("anyValue") JsonNode x) {
    ObjectNode document = JsonArbitraries.object(Map.of("x", x));
    String rendered = PLACEHOLDER.render(document);
    // A string renders its escaped contents; the template supplies the quotes.
    String json = x.isTextual() ? "\"" + rendered + "\"" : rendered;
    assertThat(Json.parseExactly(json).equals(JsonArbitraries.NUMERIC_AWARE, x))
        .as("%s rendered as %s", x, rendered)
        .isTrue();
  }

  @Provide
  Arbitrary<JsonNode> anyScalar() {
    return JsonArbitraries.scalars();
  }

  @Property
  void aQuotedPlaceholderRendersAJsonStringForScalars(@ForAll("anyScalar") JsonNode x) {
    ObjectNode document = JsonArbitraries.object(Map.of("x", x));
    JsonNode rendered = Json.parse(Template.parse("{\"v\": \"{{ $.x }}\"}").render(document));
    assertThat(rendered.get("v").isTextual()).isTrue();
    if (x.isTextual()) {
      assertThat(rendered.get("v").textValue()).isEqualTo(x.textValue());
    }
  }

  @Property
  void textWithoutPlaceholdersIsUnchanged(@ForAll("anyValue") JsonNode x) {
    String text = x.toString();
    while (text.contains("{{")) {
      text = text.replace("{{", "{ {");
    }
    assertThat(Template.parse(text).render(x)).isEqualTo(text);
  }
}
