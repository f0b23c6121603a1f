package dev.qhook.internal.workflow.flow;

import static dev.qhook.internal.workflow.flow.Steps.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qhook.config.ErrorClass;
import dev.qhook.config.HttpStep;
import dev.qhook.config.StepOutput;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** docs/reference/configuration.md, "Data flow". */
class DataFlowTest {
  private static final JsonNode PAYLOAD = json("{\"id\":\"t1\",\"n\":3,\"tags\":[\"a\"]}");
  private static final JsonNode RESULT = json("{\"ok\":true}");

  @Test
  void withoutAnInputTemplateTheInputIsThePayload() {
    assertThat(DataFlow.input(Steps.http("s"), PAYLOAD)).isSameAs(PAYLOAD);
  }

  @Test
  void theInputTemplateIsAppliedToThePayload() {
    HttpStep step =
        Steps.http(
            "s",
            "{\"tenant\": \"{{ $.id }}\", \"n\": {{ n }}, \"t\": {{ $.tags }}}",
            StepOutput.DEFAULT);

    assertThat(DataFlow.input(step, PAYLOAD))
        .isEqualTo(json("{\"tenant\":\"t1\",\"n\":3,\"t\":[\"a\"]}"));
  }

  @Test
  void anInputTemplateThatIsNotJsonGivesAJsonString() {
    HttpStep step = Steps.http("s", "tenant {{ $.id }}", StepOutput.DEFAULT);

    assertThat(DataFlow.input(step, PAYLOAD).textValue()).isEqualTo("tenant t1");
  }

  @Test
  void resultPathDollarReplacesTheInputWithTheResult() {
    assertThat(DataFlow.merge(StepOutput.DEFAULT, PAYLOAD, RESULT)).isEqualTo(RESULT);
  }

  @Test
  void resultPathSetsThatLocationInACopyCreatingObjects() {
    JsonNode merged = DataFlow.merge(new StepOutput("$.infra.run", null), PAYLOAD, RESULT);

    assertThat(merged)
        .isEqualTo(
            json("{\"id\":\"t1\",\"n\":3,\"tags\":[\"a\"],\"infra\":{\"run\":{\"ok\":true}}}"));
    assertThat(PAYLOAD).isEqualTo(json("{\"id\":\"t1\",\"n\":3,\"tags\":[\"a\"]}"));
  }

  @Test
  void resultPathReplacesAnExistingValue() {
    assertThat(DataFlow.merge(new StepOutput("$.n", null), PAYLOAD, RESULT).get("n"))
        .isEqualTo(RESULT);
  }

  @Test
  void aNonObjectInputIsFirstReplacedByAnEmptyObject() {
    assertThat(DataFlow.merge(new StepOutput("$.r", null), json("[1,2]"), RESULT))
        .isEqualTo(json("{\"r\":{\"ok\":true}}"));
    assertThat(DataFlow.merge(new StepOutput("$.r", null), json("\"text\""), json("1")))
        .isEqualTo(json("{\"r\":1}"));
    assertThat(DataFlow.merge(new StepOutput("$.a.b", null), json("{\"a\":5}"), json("1")))
        .isEqualTo(json("{\"a\":{\"b\":1}}"));
  }

  @Test
  void resultPathNullDiscardsTheResultAndKeepsTheInput() {
    assertThat(DataFlow.merge(new StepOutput(null, null), PAYLOAD, RESULT)).isSameAs(PAYLOAD);
  }

  @Test
  void theOutputTemplateIsAppliedToTheMergedDocument() {
    StepOutput rules = new StepOutput("$.res", "{\"id\": \"{{ $.id }}\", \"ok\": {{ $.res.ok }}}");

    assertThat(DataFlow.output(rules, PAYLOAD, RESULT))
        .isEqualTo(json("{\"id\":\"t1\",\"ok\":true}"));
  }

  @Test
  void withoutAnOutputTemplateTheOutputIsTheMergedDocument() {
    HttpStep step = Steps.http("s", null, new StepOutput("$.r", null));

    assertThat(DataFlow.output(step, PAYLOAD, json("7")).get("r").intValue()).isEqualTo(7);
  }

  @Test
  void aNullResultIsSetAsNull() {
    JsonNode merged = DataFlow.merge(new StepOutput("$.r", null), PAYLOAD, json("null"));

    assertThat(merged.has("r")).isTrue();
    assertThat(merged.get("r").isNull()).isTrue();
  }

  @Test
  void theErrorObjectIsSetAtTheGivenPathOfTheInput() {
    WorkflowError error = new WorkflowError("HTTP 503", ErrorClass.SERVER_ERROR, "s", "J1", 503);

    JsonNode payload = DataFlow.withError(PAYLOAD, DataFlow.ERROR_PATH, error);

    assertThat(payload.get("id").textValue()).isEqualTo("t1");
    assertThat(payload.get("error"))
        .isEqualTo(
            json(
                "{\"message\":\"HTTP 503\",\"class\":\"5xx\",\"failed_step\":\"s\","
                    + "\"job_id\":\"J1\",\"status_code\":503}"));
    assertThat(
            DataFlow.withError(PAYLOAD, "$.ctx.failure", error)
                .at("/ctx/failure/class")
                .textValue())
        .isEqualTo("5xx");
  }

  @Test
  void resolveFindsAValueOrNothing() {
    assertThat(DataFlow.resolve(PAYLOAD, "$.tags[0]").textValue()).isEqualTo("a");
    assertThat(DataFlow.resolve(PAYLOAD, "$.missing")).isNull();
  }

  @Property
  void mergingAtAKeySetsOnlyThatKey(
      @ForAll("objects") ObjectNode input,
      @ForAll("keys") String key,
      @ForAll("values") JsonNode result) {
    ObjectNode before = input.deepCopy();

    JsonNode merged = DataFlow.merge(new StepOutput("$." + key, null), input, result);

    assertThat(merged.get(key)).isEqualTo(result);
    input
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (!name.equals(key)) {
                assertThat(merged.get(name)).isEqualTo(input.get(name));
              }
            });
    assertThat(merged.size()).isEqualTo(input.has(key) ? input.size() : input.size() + 1);
    assertThat(input).isEqualTo(before);
  }

  @Property
  void rootMergeIsTheResultAndNullMergeIsTheInput(
      @ForAll("values") JsonNode input, @ForAll("values") JsonNode result) {
    assertThat(DataFlow.merge(StepOutput.DEFAULT, input, result)).isEqualTo(result);
    assertThat(DataFlow.merge(new StepOutput(null, null), input, result)).isEqualTo(input);
  }

  @Property
  void anIdentityTemplateGivesAnObjectBack(@ForAll("objects") ObjectNode document) {
    assertThat(DataFlow.applyTemplate("{{ $ }}", document)).isEqualTo(document);
  }

  @Provide
  Arbitrary<ObjectNode> objects() {
    return JsonValues.objects();
  }

  @Provide
  Arbitrary<String> keys() {
    return JsonValues.keys();
  }

  @Provide
  Arbitrary<JsonNode> values() {
    return JsonValues.values();
  }
}
