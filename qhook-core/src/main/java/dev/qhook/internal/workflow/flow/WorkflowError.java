package dev.qhook.internal.workflow.flow;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qhook.config.ErrorClass;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The error object of a failed step or run (docs/reference/configuration.md, "Failure handling"):
 * {@code {"message": "HTTP 503", "class": "5xx", "failed_step": "charge", "job_id": "01J...",
 * "status_code": 503}}. {@code status_code} is written only for HTTP responses. {@code failed_step}
 * and {@code job_id} are JSON null when no step or job failed (a run refused by its {@code
 * params}).
 *
 * @param message what went wrong, e.g. {@code HTTP 503}, {@code workflow timeout}
 * @param errorClass the failure class that retry, catch and alerts go by
 * @param failedStep the step that failed, or null
 * @param jobId the job of the failed attempt, or null
 * @param statusCode the HTTP status of the response, or null when there was none
 */
public record WorkflowError(
    String message,
    ErrorClass errorClass,
    @Nullable String failedStep,
    @Nullable String jobId,
    @Nullable Integer statusCode) {
  /** The message of a run that passed its deadline. */
  public static final String RUN_TIMEOUT = "workflow timeout";

  /** The message of a callback step whose {@code callback_timeout} expired. */
  public static final String CALLBACK_TIMEOUT = "callback timeout";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  public WorkflowError {
    requireNonNull(message, "message");
    requireNonNull(errorClass, "errorClass");
  }

  /** A failure of step {@code step} in job {@code jobId} without an HTTP response. */
  public static WorkflowError of(
      String message, ErrorClass errorClass, String step, @Nullable String jobId) {
    return new WorkflowError(message, errorClass, step, jobId, null);
  }

  /**
   * An HTTP call that failed, as the delivery classified it: {@code message} such as {@code HTTP
   * 503} or the transport error, and the status when a response arrived.
   */
  public static WorkflowError http(
      String message,
      ErrorClass errorClass,
      @Nullable Integer statusCode,
      String step,
      @Nullable String jobId) {
    return new WorkflowError(message, errorClass, step, jobId, statusCode);
  }

  /** The run passed its deadline (class {@code timeout}, not catchable). */
  public static WorkflowError runTimeout(@Nullable String step, @Nullable String jobId) {
    return new WorkflowError(RUN_TIMEOUT, ErrorClass.TIMEOUT, step, jobId, null);
  }

  /** The callback of {@code step} did not arrive within its {@code callback_timeout}. */
  public static WorkflowError callbackTimeout(String step, @Nullable String jobId) {
    return new WorkflowError(CALLBACK_TIMEOUT, ErrorClass.TIMEOUT, step, jobId, null);
  }

  /** The run was refused by its {@code params} (class {@code 4xx}); see {@link ParamsCheck}. */
  public static WorkflowError params(String message) {
    return new WorkflowError(message, ErrorClass.CLIENT_ERROR, null, null, null);
  }

  /** A choice step found no match and has no {@code default} (not catchable). */
  public static WorkflowError noChoiceMatched(String step, @Nullable String jobId) {
    return new WorkflowError("no choice matched", ErrorClass.CLIENT_ERROR, step, jobId, null);
  }

  /** A map step's {@code items_path} found a value that is not an array (class {@code 4xx}). */
  public static WorkflowError notAnArray(
      String itemsPath, JsonNode found, String step, @Nullable String jobId) {
    String message =
        "items_path '" + itemsPath + "' is " + ParamsCheck.typeName(found) + ", not an array";
    return new WorkflowError(message, ErrorClass.CLIENT_ERROR, step, jobId, null);
  }

  /**
   * A child run of {@code step} failed: the parent step fails with the child's class and the
   * message {@code sub-workflow '<name>' failed: <child's message>}.
   */
  public static WorkflowError childFailed(
      String childWorkflow, WorkflowError child, String step, @Nullable String jobId) {
    String message = "sub-workflow '" + childWorkflow + "' failed: " + child.message;
    return new WorkflowError(message, child.errorClass, step, jobId, null);
  }

  /** A branch of a parallel step failed for good: the step's error names the branch. */
  public WorkflowError inBranch(String branch) {
    return new WorkflowError(
        "branch '" + branch + "': " + message, errorClass, failedStep, jobId, statusCode);
  }

  /** An item of a map step failed for good: the step's error names the item (0-based). */
  public WorkflowError inItem(int index) {
    return new WorkflowError(
        "item " + index + ": " + message, errorClass, failedStep, jobId, statusCode);
  }

  /** The error object, keys in the documented order. */
  public ObjectNode toJson() {
    ObjectNode json = NODES.objectNode();
    json.put("message", message);
    json.put("class", errorClass.label());
    json.put("failed_step", failedStep);
    json.put("job_id", jobId);
    if (statusCode != null) {
      json.put("status_code", statusCode);
    }
    return json;
  }

  /** The error object as compact JSON text. */
  public String toJsonText() {
    return StepResults.text(toJson());
  }

  /** Reads an error object written by {@link #toJson}; empty when it is not one. */
  public static Optional<WorkflowError> fromJson(@Nullable JsonNode json) {
    if (json == null
        || !json.isObject()
        || !json.path("message").isTextual()
        || !json.path("class").isTextual()) {
      return Optional.empty();
    }
    Optional<ErrorClass> errorClass = errorClass(json.get("class").textValue());
    if (errorClass.isEmpty()) {
      return Optional.empty();
    }
    JsonNode status = json.path("status_code");
    return Optional.of(
        new WorkflowError(
            json.get("message").textValue(),
            errorClass.get(),
            textOrNull(json.get("failed_step")),
            textOrNull(json.get("job_id")),
            status.isInt() ? status.intValue() : null));
  }

  /** Reads {@link #toJsonText} output; empty when it is not an error object. */
  public static Optional<WorkflowError> fromJsonText(String text) {
    return fromJson(StepResults.result(text));
  }

  /** The class whose {@link ErrorClass#label() label} is {@code label} ({@code 4xx}, ...). */
  public static Optional<ErrorClass> errorClass(String label) {
    for (ErrorClass c : ErrorClass.values()) {
      if (c.label().equals(label)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  private static @Nullable String textOrNull(@Nullable JsonNode node) {
    return node != null && node.isTextual() ? node.textValue() : null;
  }
}
