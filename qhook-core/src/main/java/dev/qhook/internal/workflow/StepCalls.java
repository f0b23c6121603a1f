package dev.qhook.internal.workflow;

import dev.qhook.config.HttpCall;
import dev.qhook.internal.delivery.AttemptOutcome;
import dev.qhook.internal.workflow.flow.WorkflowError;
import dev.qhook.spi.AttemptRecord;
import dev.qhook.spi.Job;
import dev.qhook.spi.TransportResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP call of a step, branch, item or callback notification: sent through the engine's
 * transport (SSRF guard, timeout), classified as a delivery, counted in the delivery metrics.
 */
final class StepCalls {
  private static final Logger log = LoggerFactory.getLogger(StepCalls.class);

  /**
   * What a call gave: its attempt record, and either the response body or the error object.
   *
   * @param retryAfter a usable {@code Retry-After} of a failed response, or null
   */
  record Call(
      AttemptRecord record,
      byte[] body,
      @Nullable WorkflowError error,
      @Nullable Duration retryAfter) {
    boolean succeeded() {
      return error == null;
    }
  }

  private final StepExecutor.Parts parts;

  StepCalls(StepExecutor.Parts parts) {
    this.parts = parts;
  }

  Call send(
      StepContext c,
      HttpCall call,
      byte[] json,
      Map<String, String> extraHeaders,
      Duration timeout) {
    Job job = c.job();
    Instant sentAt = parts.clock().instant();
    TransportResult result;
    try {
      result =
          parts
              .transport()
              .send(parts.requests().build(c.claimed(), call, json, extraHeaders, timeout, sentAt));
    } catch (RuntimeException e) {
      log.warn("step job {} could not be sent", job.id(), e);
      result = new TransportResult.NetworkError("request not sendable: " + e.getMessage(), 0);
    }
    AttemptOutcome outcome = AttemptOutcome.classify(result, parts.clock().instant());
    boolean success = outcome instanceof AttemptOutcome.Success;
    parts.engineMetrics().deliveryAttempt(job.target(), success, outcome.durationMs());
    if (success) {
      AttemptRecord record =
          new AttemptRecord(
              job.attempt(), outcome.statusCode(), null, outcome.durationMs(), sentAt, null);
      return new Call(record, ((TransportResult.Response) result).body(), null, null);
    }
    AttemptOutcome.Failure f = (AttemptOutcome.Failure) outcome;
    parts.engineMetrics().deliveryError(f.errorClass());
    AttemptRecord record =
        new AttemptRecord(
            job.attempt(), f.statusCode(), f.error(), f.durationMs(), sentAt, f.responseBody());
    WorkflowError error =
        WorkflowError.http(
            f.error(), f.errorClass(), f.statusCode(), job.step().stepName(), job.id());
    return new Call(record, new byte[0], error, f.retryAfter());
  }
}
