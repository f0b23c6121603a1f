package dev.qhook.internal.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qhook.config.CallbackStep;
import dev.qhook.config.HttpCall;
import dev.qhook.internal.workflow.flow.CallbackTokens;
import dev.qhook.internal.workflow.flow.DataFlow;
import dev.qhook.internal.workflow.flow.StepResults;
import dev.qhook.internal.workflow.flow.WorkflowError;
import dev.qhook.spi.AttemptRecord;
import dev.qhook.spi.Completion;
import dev.qhook.spi.Job;
import dev.qhook.spi.RunAdvance;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Callback steps (docs/reference/configuration.md, "Callbacks"): a fresh token per attempt, the
 * optional notification (an ordinary call: its failures follow the failure handling), then the job
 * waits until {@code POST /callback/{token}} or the expiry of {@code callback_timeout} wakes it.
 */
final class Callbacks {
  private static final Logger log = LoggerFactory.getLogger(Callbacks.class);
  static final String TOKEN_HEADER = "X-Qhook-Callback-Token";

  private final StepExecutor.Parts parts;
  private final Transitions transitions;
  private final StepCalls calls;
  private final @Nullable String publicUrl;

  Callbacks(
      StepExecutor.Parts parts,
      Transitions transitions,
      StepCalls calls,
      @Nullable String publicUrl) {
    this.parts = parts;
    this.transitions = transitions;
    this.calls = calls;
    this.publicUrl = publicUrl;
  }

  RunAdvance.Builder execute(StepContext c, CallbackStep step, @Nullable JsonNode resume) {
    if (resume != null && resume.has("callback")) {
      if ("received".equals(resume.path("callback").asText())) {
        JsonNode output = DataFlow.output(step, c.input(), resume.path("result"));
        return transitions.succeeded(c, step, output, StepExecutor.noRequest(c));
      }
      WorkflowError expired = WorkflowError.callbackTimeout(step.name(), c.job().id());
      return transitions.failed(c, step, expired, StepExecutor.noRequest(c), null);
    }
    return issue(c, step);
  }

  private RunAdvance.Builder issue(StepContext c, CallbackStep step) {
    Job job = c.job();
    String token = CallbackTokens.issue();
    String digest = CallbackTokens.digest(token);
    parts.store().runs().createCallbackToken(digest, c.runId(), job.id(), c.now());
    HttpCall notification = step.notification();
    AttemptRecord record = StepExecutor.noRequest(c);
    if (notification != null) {
      StepCalls.Call call =
          calls.send(
              c,
              new HttpCall(notification.url(), "POST", notification.headers()),
              StepResults.bytes(notice(c, step, token)),
              Map.of(TOKEN_HEADER, token),
              step.failure().timeout());
      if (!call.succeeded()) {
        return transitions.failed(c, step, call.error(), call.record(), call.retryAfter());
      }
      record = call.record();
    }
    Instant notified = parts.clock().instant();
    Instant until = step.callbackTimeout() == null ? null : notified.plus(step.callbackTimeout());
    return Transitions.of(c, new Completion.Succeeded(job.id(), job.attempt(), record))
        .waits(digest, until);
  }

  /** The notification body: token, callback URL (with server.public_url), run and payload. */
  private JsonNode notice(StepContext c, CallbackStep step, String token) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("callback_token", token);
    if (publicUrl != null) {
      body.put("callback_url", publicUrl.replaceAll("/+$", "") + "/callback/" + token);
    }
    body.put("workflow", c.workflow().name());
    body.put("step", step.name());
    body.put("run_id", c.runId());
    body.set("payload", c.input());
    return body;
  }
}
