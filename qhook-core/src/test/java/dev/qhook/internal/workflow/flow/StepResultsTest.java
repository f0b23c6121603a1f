package dev.qhook.internal.workflow.flow;

import static dev.qhook.internal.workflow.flow.Steps.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class StepResultsTest {

  @Test
  void aJsonBodyIsItsValue() {
    assertThat(StepResults.result("{\"ok\": true, \"n\": [1, 2]}"))
        .isEqualTo(json("{\"ok\":true,\"n\":[1,2]}"));
    assertThat(StepResults.result(" 42 \n")).isEqualTo(json("42"));
    assertThat(StepResults.result("\"quoted\"").textValue()).isEqualTo("quoted");
    assertThat(StepResults.result("null").isNull()).isTrue();
  }

  @Test
  void anEmptyBodyIsNull() {
    assertThat(StepResults.result(new byte[0]).isNull()).isTrue();
  }

  @Test
  void aBodyThatIsNotJsonIsAJsonStringOfItsText() {
    JsonNode result = StepResults.result("accepted");

    assertThat(result.isTextual()).isTrue();
    assertThat(result.textValue()).isEqualTo("accepted");
    assertThat(StepResults.result("   ").textValue()).isEqualTo("   ");
  }

  @Test
  void jsonFollowedByMoreTextIsText() {
    assertThat(StepResults.result("{\"a\":1} trailing").textValue())
        .isEqualTo("{\"a\":1} trailing");
    assertThat(StepResults.result("{\"a\":1}{\"b\":2}").isTextual()).isTrue();
    assertThat(StepResults.result("true false").isTextual()).isTrue();
  }

  @Test
  void decimalsAreKeptAsWritten() {
    assertThat(StepResults.text(StepResults.result("{\"p\":0.1000000000000000000001}")))
        .isEqualTo("{\"p\":0.1000000000000000000001}");
  }

  @Test
  void documentsAreWrittenAsCompactJson() {
    assertThat(
            new String(
                StepResults.bytes(json("{ \"a\" : [ 1 , \"x\" ] }")), StandardCharsets.UTF_8))
        .isEqualTo("{\"a\":[1,\"x\"]}");
  }

  @Property
  void anyTextIsItsOwnJsonStringOrJson(@ForAll String text) {
    JsonNode result = StepResults.result(text);

    if (text.isEmpty()) {
      assertThat(result.isNull()).isTrue();
    } else if (result.isTextual() && result.textValue().equals(text)) {
      assertThat(result.textValue()).isEqualTo(text);
    } else {
      // it was JSON: writing it back and reading again gives the same value
      assertThat(StepResults.result(StepResults.text(result))).isEqualTo(result);
    }
  }

  @Property
  void aJsonStringResultWrittenAndReadAgainIsTheSame(@ForAll String text) {
    JsonNode asString = com.fasterxml.jackson.databind.node.TextNode.valueOf(text);

    assertThat(StepResults.result(StepResults.bytes(asString))).isEqualTo(asString);
  }
}
