package dev.qhook.internal.workflow.flow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.config.FallibleStep;
import dev.qhook.config.Step;
import dev.qhook.config.StepOutput;
import dev.qhook.internal.expr.JsonPath;
import dev.qhook.internal.expr.Template;
import org.jspecify.annotations.Nullable;

/**
 * How a payload flows through a step (docs/reference/configuration.md, "Data flow"): payload →
 * {@code input} template → the step's result merged at {@code result_path} → {@code output}
 * template → the next step's payload. Documents are JSON trees and are never modified in place.
 *
 * <p>A template's output is read as {@link StepResults#result(String)} reads a body: JSON when it
 * is JSON, else a JSON string of the text, empty as null. Paths and templates come from a validated
 * config; they are parsed once and kept.
 */
public final class DataFlow {
  /** The {@code result_path} of a {@code continue}: the error object goes to {@value}. */
  public static final String ERROR_PATH = "$.error";

  private static final ParseCache<Template> TEMPLATES = new ParseCache<>(Template::parse);
  private static final ParseCache<JsonPath> PATHS = new ParseCache<>(JsonPath::parse);

  private DataFlow() {}

  /** The step's input: its {@code input} template applied to {@code payload}, or the payload. */
  public static JsonNode input(Step step, JsonNode payload) {
    return applyTemplate(step.input(), payload);
  }

  /** The step's output after it succeeded with {@code result} on {@code input}. */
  public static JsonNode output(FallibleStep step, JsonNode input, JsonNode result) {
    return output(step.output(), input, result);
  }

  /** {@link #merge} then the {@code output} template of {@code rules}. */
  public static JsonNode output(StepOutput rules, JsonNode input, JsonNode result) {
    return applyTemplate(rules.output(), merge(rules, input, result));
  }

  /**
   * The result merged into the input by {@code result_path}: {@code $} replaces the input; {@code
   * $.a.b} sets that location in a copy of the input, creating objects as needed (a non-object
   * input is first replaced by {@code {}}); {@code null} discards the result and keeps the input.
   */
  public static JsonNode merge(StepOutput rules, JsonNode input, JsonNode result) {
    String resultPath = rules.resultPath();
    if (resultPath == null) {
      return input;
    }
    return set(input, resultPath, result);
  }

  /**
   * A copy of {@code input} with {@code error} at {@code resultPath}: the payload a {@code catch}
   * entry (its {@code result_path}) or {@code on_failure: continue} ({@link #ERROR_PATH}) passes
   * on.
   */
  public static JsonNode withError(JsonNode input, String resultPath, WorkflowError error) {
    return set(input, resultPath, error.toJson());
  }

  /** The template {@code template} applied to {@code document}, or the document when null. */
  public static JsonNode applyTemplate(@Nullable String template, JsonNode document) {
    if (template == null) {
      return document;
    }
    return StepResults.result(TEMPLATES.get(template).render(document));
  }

  /** A copy of {@code document} with {@code value} at {@code path} ({@code $}: the value). */
  public static JsonNode set(JsonNode document, String path, JsonNode value) {
    return PATHS.get(path).set(document, value);
  }

  /** The value at {@code path} in {@code document}, or null when it does not resolve. */
  public static @Nullable JsonNode resolve(JsonNode document, String path) {
    return PATHS.get(path).resolve(document).orElse(null);
  }
}
