package dev.qhook.internal.workflow.flow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.config.CatchRule;
import dev.qhook.config.FailurePolicy;
import dev.qhook.config.HttpCall;
import dev.qhook.config.HttpStep;
import dev.qhook.config.OnFailure;
import dev.qhook.config.RetryPolicy;
import dev.qhook.config.StepFlow;
import dev.qhook.config.StepOutput;
import dev.qhook.internal.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Test fixtures: steps with defaults, and JSON documents from text. */
final class Steps {
  static final HttpCall CALL = new HttpCall("http://127.0.0.1:1/x", "POST", Map.of());
  static final FailurePolicy STOP =
      new FailurePolicy(RetryPolicy.DEFAULT, List.of(), OnFailure.STOP, Duration.ofSeconds(30));

  private Steps() {}

  static HttpStep http(String name) {
    return http(name, StepFlow.IN_ORDER);
  }

  static HttpStep http(String name, StepFlow flow) {
    return new HttpStep(name, null, CALL, StepOutput.DEFAULT, STOP, flow);
  }

  static HttpStep http(String name, @Nullable String input, StepOutput output) {
    return new HttpStep(name, input, CALL, output, STOP, StepFlow.IN_ORDER);
  }

  static HttpStep failing(RetryPolicy retry, List<CatchRule> catches, OnFailure onFailure) {
    return new HttpStep(
        "charge",
        null,
        CALL,
        StepOutput.DEFAULT,
        new FailurePolicy(retry, catches, onFailure, Duration.ofSeconds(30)),
        StepFlow.IN_ORDER);
  }

  static JsonNode json(String text) {
    JsonNode node = Json.parseWholeOrNull(text.getBytes(StandardCharsets.UTF_8));
    if (node == null) {
      throw new IllegalArgumentException("not JSON: " + text);
    }
    return node;
  }
}
