package dev.qhook;

import static java.util.Objects.requireNonNull;

import dev.qhook.config.AlertKind;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An operational alert (docs/reference/configuration.md, "alerts"): what happened, to whom, and a
 * one-line summary.
 *
 * @param kind what happened
 * @param subject what it happened to (a handler, source, endpoint or workflow name); identical
 *     alerts, same kind and subject, are sent at most once per 60 s
 * @param fields the kind's fields in order ({@code source} for {@code verification_failure});
 *     values are strings or numbers
 * @param message a one-line summary for humans; never a secret
 */
public record Alert(AlertKind kind, String subject, Map<String, Object> fields, String message) {

  public Alert {
    requireNonNull(kind, "kind");
    requireNonNull(subject, "subject");
    requireNonNull(message, "message");
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** A signature check of {@code source} failed; {@code reason} names the class of failure. */
  public static Alert verificationFailure(String source, String reason) {
    return new Alert(
        AlertKind.VERIFICATION_FAILURE,
        source,
        Map.of("source", source),
        "signature verification failed for source '" + source + "': " + reason);
  }

  /** A job or queue message went dead after {@code attempts} attempts. */
  public static Alert deadLetter(String jobId, String handler, int attempts, String error) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("job_id", jobId);
    fields.put("handler", handler);
    fields.put("attempts", attempts);
    fields.put("error", error);
    return new Alert(
        AlertKind.DLQ,
        handler,
        fields,
        "job " + jobId + " for " + handler + " is dead after " + attempts + " attempts: " + error);
  }

  /**
   * The event TTL sweep made {@code jobs} undelivered jobs of {@code handler} dead
   * (docs/reference/configuration.md, "delivery"): one alert per handler and sweep, with the fields
   * {@code count} (the jobs) and {@code handler}.
   */
  public static Alert eventTtlExpired(String handler, int jobs) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("count", jobs);
    fields.put("handler", handler);
    return new Alert(
        AlertKind.EVENT_TTL_EXPIRED,
        handler,
        fields,
        jobs + " undelivered jobs for " + handler + " outlived the event TTL and are dead");
  }

  /** The circuit breaker of {@code handler} opened. */
  public static Alert circuitOpened(String handler) {
    return new Alert(
        AlertKind.CIRCUIT_OPENED,
        handler,
        Map.of("handler", handler),
        "circuit breaker opened for handler " + handler);
  }

  /**
   * An outbound endpoint was disabled after failing continuously since {@code failingSince}
   * (docs/reference/configuration.md, "Outbound sources"); its subject is the endpoint id.
   */
  public static Alert endpointDisabled(
      String endpointId, String source, String url, Instant failingSince) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("endpoint_id", endpointId);
    fields.put("source", source);
    fields.put("url", url);
    fields.put("failing_since", failingSince.toString());
    return new Alert(
        AlertKind.ENDPOINT_DISABLED,
        endpointId,
        fields,
        "endpoint "
            + endpointId
            + " of source "
            + source
            + " disabled: failing since "
            + failingSince);
  }

  /** The database was marked unhealthy. */
  public static Alert dbUnhealthy(String error) {
    return new Alert(
        AlertKind.DB_UNHEALTHY,
        "database",
        Map.of("error", error),
        "database marked unhealthy: " + error);
  }

  /**
   * A workflow run failed (docs/reference/configuration.md, "Failure handling"): {@code step} is
   * the step it failed at (null when none ran), {@code error} the error object's message.
   */
  public static Alert workflowFailed(
      String workflow, String runId, @Nullable String step, String error) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("workflow", workflow);
    fields.put("run_id", runId);
    fields.put("step", step == null ? "" : step);
    fields.put("error", error);
    return new Alert(
        AlertKind.WORKFLOW_FAILED,
        workflow,
        fields,
        "run "
            + runId
            + " of workflow "
            + workflow
            + " failed"
            + (step == null ? "" : " at step " + step)
            + ": "
            + error);
  }

  /** A free-form alert raised by the embedding application or on a failed config reload. */
  public static Alert custom(String message) {
    return new Alert(AlertKind.CUSTOM, message, Map.of("message", message), message);
  }
}
