package dev.qhook.internal.workflow.flow;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qhook.config.Branch;
import dev.qhook.config.CallbackStep;
import dev.qhook.config.CatchRule;
import dev.qhook.config.Choice;
import dev.qhook.config.ChoiceStep;
import dev.qhook.config.ErrorClass;
import dev.qhook.config.FailurePolicy;
import dev.qhook.config.FallibleStep;
import dev.qhook.config.HttpCall;
import dev.qhook.config.HttpStep;
import dev.qhook.config.MapStep;
import dev.qhook.config.ParallelStep;
import dev.qhook.config.RetryPolicy;
import dev.qhook.config.SequentialStep;
import dev.qhook.config.Step;
import dev.qhook.config.StepFlow;
import dev.qhook.config.StepOutput;
import dev.qhook.config.SubWorkflowStep;
import dev.qhook.config.WaitStep;
import dev.qhook.config.WorkflowConfig;
import dev.qhook.config.WorkflowParam;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Writes the canonical JSON form of a {@link WorkflowConfig} (see {@link WorkflowDefinitions}):
 * every key always present (null when unset) in a fixed order, durations as ISO-8601 text, error
 * classes by label in declaration order, headers in config order.
 */
final class DefinitionWriter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private DefinitionWriter() {}

  static ObjectNode workflow(WorkflowConfig wf) {
    ObjectNode json = NODES.objectNode();
    json.put("name", wf.name());
    json.put("source", wf.source());
    ArrayNode events = json.putArray("events");
    wf.events().forEach(events::add);
    json.put("timeout", duration(wf.timeout()));
    ArrayNode params = json.putArray("params");
    for (WorkflowParam p : wf.params()) {
      params
          .addObject()
          .put("name", p.name())
          .put("type", p.type().name().toLowerCase(Locale.ROOT))
          .put("required", p.required());
    }
    ArrayNode steps = json.putArray("steps");
    wf.steps().forEach(step -> steps.add(step(step)));
    return json;
  }

  private static ObjectNode step(Step step) {
    ObjectNode json = NODES.objectNode();
    json.put("name", step.name());
    json.put("type", step.type().label());
    json.put("input", step.input());
    if (step instanceof ChoiceStep c) {
      choice(json, c);
    } else if (step instanceof HttpStep h) {
      json.set("call", call(h.call()));
    } else if (step instanceof ParallelStep p) {
      ArrayNode branches = json.putArray("branches");
      for (Branch b : p.branches()) {
        branches.addObject().put("name", b.name()).set("call", call(b.call()));
      }
    } else if (step instanceof MapStep m) {
      json.put("items_path", m.itemsPath());
      json.put("max_concurrency", m.maxConcurrency());
      json.set("call", call(m.call()));
    } else if (step instanceof WaitStep w) {
      json.put("seconds", duration(w.delay()));
      json.put("timestamp_path", w.timestampPath());
    } else if (step instanceof CallbackStep c) {
      HttpCall notification = c.notification();
      json.set("notification", notification == null ? NODES.nullNode() : call(notification));
      json.put("callback_timeout", duration(c.callbackTimeout()));
    } else if (step instanceof SubWorkflowStep w) {
      json.put("workflow", w.workflow());
    }
    if (step instanceof FallibleStep f) {
      output(json, f.output());
      json.set("failure", failure(f.failure()));
    }
    if (step instanceof SequentialStep s) {
      flow(json, s.flow());
    }
    return json;
  }

  private static void choice(ObjectNode json, ChoiceStep step) {
    ArrayNode choices = json.putArray("choices");
    for (Choice c : step.choices()) {
      choices.addObject().put("when", c.when()).put("goto", c.next());
    }
    json.put("default", step.defaultStep());
  }

  private static ObjectNode call(HttpCall call) {
    ObjectNode json = NODES.objectNode().put("url", call.url()).put("method", call.method());
    ObjectNode headers = json.putObject("headers");
    call.headers().forEach(headers::put);
    return json;
  }

  private static void output(ObjectNode json, StepOutput output) {
    json.put("result_path", output.resultPath());
    json.put("output", output.output());
  }

  private static void flow(ObjectNode json, StepFlow flow) {
    json.put("end", flow.end());
    json.put("goto", flow.next());
  }

  private static ObjectNode failure(FailurePolicy failure) {
    ObjectNode json = NODES.objectNode();
    json.set("retry", retry(failure.retry()));
    ArrayNode catches = json.putArray("catch");
    for (CatchRule rule : failure.catches()) {
      ObjectNode entry = catches.addObject();
      entry.set("errors", errors(rule.errors()));
      entry.put("goto", rule.next()).put("result_path", rule.resultPath());
    }
    json.put("on_failure", failure.onFailure().name().toLowerCase(Locale.ROOT));
    json.put("timeout", duration(failure.timeout()));
    return json;
  }

  private static ObjectNode retry(RetryPolicy retry) {
    ObjectNode json =
        NODES
            .objectNode()
            .put("max", retry.maxAttempts())
            .put("backoff", retry.backoff().name().toLowerCase(Locale.ROOT))
            .put("interval", duration(retry.interval()))
            .put("max_interval", duration(retry.maxInterval()))
            .put("jitter", retry.jitter());
    json.set("errors", errors(retry.errors()));
    return json;
  }

  private static ArrayNode errors(Set<ErrorClass> errors) {
    ArrayNode json = NODES.arrayNode();
    for (ErrorClass c : ErrorClass.values()) {
      if (errors.contains(c)) {
        json.add(c.label());
      }
    }
    return json;
  }

  private static @Nullable String duration(@Nullable Duration d) {
    return d == null ? null : d.toString();
  }
}
