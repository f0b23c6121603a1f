package dev.qhook.internal.workflow.flow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.config.Backoff;
import dev.qhook.config.Branch;
import dev.qhook.config.CallbackStep;
import dev.qhook.config.CatchRule;
import dev.qhook.config.Choice;
import dev.qhook.config.ChoiceStep;
import dev.qhook.config.ErrorClass;
import dev.qhook.config.FailurePolicy;
import dev.qhook.config.HttpCall;
import dev.qhook.config.HttpStep;
import dev.qhook.config.MapStep;
import dev.qhook.config.OnFailure;
import dev.qhook.config.ParallelStep;
import dev.qhook.config.ParamType;
import dev.qhook.config.RetryPolicy;
import dev.qhook.config.Step;
import dev.qhook.config.StepFlow;
import dev.qhook.config.StepOutput;
import dev.qhook.config.StepType;
import dev.qhook.config.SubWorkflowStep;
import dev.qhook.config.WaitStep;
import dev.qhook.config.WorkflowConfig;
import dev.qhook.config.WorkflowParam;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Reads the form {@link DefinitionWriter} writes back into an equal {@link WorkflowConfig}. */
final class DefinitionReader {
  private DefinitionReader() {}

  static WorkflowConfig workflow(JsonNode json) {
    return new WorkflowConfig(
        text(json, "name"),
        text(json, "source"),
        list(json, "events", JsonNode::textValue),
        duration(json, "timeout"),
        list(
            json,
            "params",
            p ->
                new WorkflowParam(
                    text(p, "name"),
                    ParamType.valueOf(text(p, "type").toUpperCase(Locale.ROOT)),
                    bool(p, "required"))),
        list(json, "steps", DefinitionReader::step));
  }

  private static Step step(JsonNode json) {
    String name = text(json, "name");
    String input = textOrNull(json, "input");
    StepType type = StepType.valueOf(text(json, "type").toUpperCase(Locale.ROOT));
    return switch (type) {
      case HTTP ->
          new HttpStep(
              name, input, call(field(json, "call")), output(json), failure(json), flow(json));
      case CHOICE ->
          new ChoiceStep(
              name,
              input,
              list(json, "choices", c -> new Choice(text(c, "when"), text(c, "goto"))),
              textOrNull(json, "default"));
      case PARALLEL ->
          new ParallelStep(
              name,
              input,
              list(json, "branches", b -> new Branch(text(b, "name"), call(field(b, "call")))),
              output(json),
              failure(json),
              flow(json));
      case MAP ->
          new MapStep(
              name,
              input,
              text(json, "items_path"),
              field(json, "max_concurrency").intValue(),
              call(field(json, "call")),
              output(json),
              failure(json),
              flow(json));
      case WAIT ->
          new WaitStep(
              name,
              input,
              duration(json, "seconds"),
              textOrNull(json, "timestamp_path"),
              flow(json));
      case CALLBACK ->
          new CallbackStep(
              name,
              input,
              field(json, "notification").isNull() ? null : call(field(json, "notification")),
              duration(json, "callback_timeout"),
              output(json),
              failure(json),
              flow(json));
      case WORKFLOW ->
          new SubWorkflowStep(
              name, input, text(json, "workflow"), output(json), failure(json), flow(json));
    };
  }

  private static HttpCall call(JsonNode json) {
    Map<String, String> headers = new LinkedHashMap<>();
    field(json, "headers")
        .fields()
        .forEachRemaining(h -> headers.put(h.getKey(), h.getValue().textValue()));
    return new HttpCall(text(json, "url"), text(json, "method"), headers);
  }

  private static StepOutput output(JsonNode json) {
    return new StepOutput(textOrNull(json, "result_path"), textOrNull(json, "output"));
  }

  private static StepFlow flow(JsonNode json) {
    return new StepFlow(bool(json, "end"), textOrNull(json, "goto"));
  }

  private static FailurePolicy failure(JsonNode json) {
    JsonNode failure = field(json, "failure");
    return new FailurePolicy(
        retry(field(failure, "retry")),
        list(
            failure,
            "catch",
            c ->
                new CatchRule(errors(field(c, "errors")), text(c, "goto"), text(c, "result_path"))),
        OnFailure.valueOf(text(failure, "on_failure").toUpperCase(Locale.ROOT)),
        requiredDuration(failure, "timeout"));
  }

  private static RetryPolicy retry(JsonNode json) {
    return new RetryPolicy(
        field(json, "max").intValue(),
        Backoff.valueOf(text(json, "backoff").toUpperCase(Locale.ROOT)),
        requiredDuration(json, "interval"),
        requiredDuration(json, "max_interval"),
        bool(json, "jitter"),
        errors(field(json, "errors")));
  }

  private static Set<ErrorClass> errors(JsonNode json) {
    Set<ErrorClass> errors = EnumSet.noneOf(ErrorClass.class);
    for (JsonNode label : json) {
      errors.add(
          WorkflowError.errorClass(label.textValue())
              .orElseThrow(() -> new IllegalArgumentException("unknown error class " + label)));
    }
    return errors;
  }

  private static <T> List<T> list(JsonNode json, String key, Function<JsonNode, T> element) {
    List<T> out = new ArrayList<>();
    for (JsonNode item : field(json, key)) {
      out.add(element.apply(item));
    }
    return out;
  }

  private static JsonNode field(JsonNode json, String key) {
    JsonNode value = json.get(key);
    if (value == null) {
      throw new IllegalArgumentException("workflow definition: missing '" + key + "'");
    }
    return value;
  }

  private static String text(JsonNode json, String key) {
    String value = textOrNull(json, key);
    if (value == null) {
      throw new IllegalArgumentException("workflow definition: '" + key + "' must be text");
    }
    return value;
  }

  private static @Nullable String textOrNull(JsonNode json, String key) {
    JsonNode value = field(json, key);
    return value.isNull() ? null : value.asText();
  }

  private static boolean bool(JsonNode json, String key) {
    return field(json, key).booleanValue();
  }

  private static @Nullable Duration duration(JsonNode json, String key) {
    String value = textOrNull(json, key);
    return value == null ? null : Duration.parse(value);
  }

  private static Duration requiredDuration(JsonNode json, String key) {
    return Duration.parse(text(json, key));
  }
}
