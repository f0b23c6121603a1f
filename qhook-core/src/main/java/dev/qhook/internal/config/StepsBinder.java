package dev.qhook.internal.config;

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
import dev.qhook.config.Step;
import dev.qhook.config.StepFlow;
import dev.qhook.config.StepOutput;
import dev.qhook.config.StepType;
import dev.qhook.config.SubWorkflowStep;
import dev.qhook.config.WaitStep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Binds one workflow step into its {@link Step} record. */
final class StepsBinder {
  private static final List<String> TYPES =
      List.of("http", "choice", "parallel", "map", "wait", "callback", "workflow");

  private final BindContext ctx;

  StepsBinder(BindContext ctx) {
    this.ctx = ctx;
  }

  Step step(Section s) {
    String typeName = s.oneOf("type", "step type", TYPES, "http", false);
    StepType type = StepType.valueOf(typeName.toUpperCase(Locale.ROOT));
    StepKeys.check(s, type);
    String rawName = s.required("name");
    String name = rawName == null ? "" : rawName;
    if (rawName != null) {
      Names.check(ctx.problems(), s.pathOf("name"), rawName);
    }
    String input = ExpressionChecks.template(s, "input");
    return switch (type) {
      case HTTP -> new HttpStep(name, input, call(s), output(s), failure(s), flow(s));
      case CHOICE -> choice(s, name, input);
      case PARALLEL -> new ParallelStep(name, input, branches(s), output(s), failure(s), flow(s));
      case MAP ->
          new MapStep(
              name,
              input,
              orEmpty(ExpressionChecks.path(s, "items_path"), s, "items_path"),
              s.integer("max_concurrency", MapStep.DEFAULT_MAX_CONCURRENCY, 1, Integer.MAX_VALUE),
              call(s),
              output(s),
              failure(s),
              flow(s));
      case WAIT -> waitStep(s, name, input);
      case CALLBACK -> callback(s, name, input);
      case WORKFLOW ->
          new SubWorkflowStep(
              name,
              input,
              orEmpty(s.string("workflow"), s, "workflow"),
              output(s),
              failure(s),
              flow(s));
    };
  }

  private HttpCall call(Section s) {
    String url = UrlChecks.target(s, "url", ctx.allowPrivateUrls());
    return new HttpCall(
        url == null ? "" : url, ConsumersBinder.method(s, "method"), s.stringMap("headers"));
  }

  private static StepFlow flow(Section s) {
    boolean end = s.bool("end", false);
    String next = s.string("goto");
    if (end && next != null) {
      s.error("goto", "'end' and 'goto' cannot both be set");
      return new StepFlow(true, null);
    }
    return new StepFlow(end, next);
  }

  private static StepOutput output(Section s) {
    String resultPath = "$";
    if (s.has("result_path")) {
      String raw = s.string("result_path");
      resultPath =
          raw == null || raw.equals("null") ? null : ExpressionChecks.path(s, "result_path");
    }
    return new StepOutput(resultPath, ExpressionChecks.template(s, "output"));
  }

  private FailurePolicy failure(Section s) {
    String onFailure =
        s.oneOf("on_failure", "on_failure", List.of("stop", "continue"), "stop", false);
    return new FailurePolicy(
        RetryBinder.bind(s, "retry", ctx.defaultRetry()),
        catches(s),
        onFailure.equals("continue") ? OnFailure.CONTINUE : OnFailure.STOP,
        ctx.requestTimeout(s, "timeout"));
  }

  private List<CatchRule> catches(Section s) {
    List<CatchRule> rules = new ArrayList<>();
    List<Object> entries = s.list("catch");
    for (int i = 0; i < entries.size(); i++) {
      Section entry = Section.of(entries.get(i), s.pathOf("catch") + "[" + i + "]", ctx.problems());
      entry.allowOnly(List.of("errors", "goto", "result_path"));
      Set<ErrorClass> errors =
          entry.has("errors")
              ? RetryBinder.errorClasses(entry, "errors")
              : EnumSet.allOf(ErrorClass.class);
      String resultPath = ExpressionChecks.path(entry, "result_path");
      rules.add(
          new CatchRule(
              errors,
              orEmpty(entry.required("goto"), entry, null),
              resultPath == null ? CatchRule.DEFAULT_RESULT_PATH : resultPath));
    }
    return rules;
  }

  private ChoiceStep choice(Section s, String name, @Nullable String input) {
    List<Choice> choices = new ArrayList<>();
    List<Object> entries = s.list("choices");
    if (entries.isEmpty()) {
      s.error("choices", "a choice step needs at least one choice");
    }
    for (int i = 0; i < entries.size(); i++) {
      Section entry =
          Section.of(entries.get(i), s.pathOf("choices") + "[" + i + "]", ctx.problems());
      entry.allowOnly(List.of("when", "condition", "goto"));
      String key = entry.has("when") ? "when" : "condition";
      if (entry.has("when") && entry.has("condition")) {
        entry.error("condition", "'condition' is an alias of 'when'; set only one");
      }
      String when = entry.has(key) ? ExpressionChecks.filter(entry, key) : null;
      if (when == null) {
        entry.error("when", "required");
      }
      choices.add(
          new Choice(when == null ? "" : when, orEmpty(entry.required("goto"), entry, null)));
    }
    return new ChoiceStep(name, input, choices, s.string("default"));
  }

  private List<Branch> branches(Section s) {
    List<Branch> branches = new ArrayList<>();
    List<Object> entries = s.list("branches");
    if (entries.isEmpty()) {
      s.error("branches", "a parallel step needs at least one branch");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      Section entry =
          Section.of(entries.get(i), s.pathOf("branches") + "[" + i + "]", ctx.problems());
      entry.allowOnly(List.of("name", "url", "method", "headers"));
      String branchName = entry.required("name");
      if (branchName != null) {
        Names.check(ctx.problems(), entry.pathOf("name"), branchName);
        if (!seen.add(branchName)) {
          entry.error("name", "duplicate branch name '" + branchName + "'");
        }
      }
      branches.add(new Branch(branchName == null ? "" : branchName, call(entry)));
    }
    return branches;
  }

  private WaitStep waitStep(Section s, String name, @Nullable String input) {
    Duration delay = s.duration("seconds");
    String timestampPath = ExpressionChecks.path(s, "timestamp_path");
    if (s.has("seconds") == s.has("timestamp_path")) {
      s.error(
          s.has("seconds") ? "timestamp_path" : "seconds",
          "a wait step needs exactly one of 'seconds' and 'timestamp_path'");
    }
    if (delay == null && timestampPath == null || delay != null && timestampPath != null) {
      delay = delay == null ? Duration.ZERO : delay;
      timestampPath = null;
    }
    return new WaitStep(name, input, delay, timestampPath, flow(s));
  }

  private CallbackStep callback(Section s, String name, @Nullable String input) {
    HttpCall notification = null;
    if (s.has("url")) {
      String url = UrlChecks.target(s, "url", ctx.allowPrivateUrls());
      notification = new HttpCall(url == null ? "" : url, "POST", s.stringMap("headers"));
    }
    Duration callbackTimeout = s.duration("callback_timeout");
    if (callbackTimeout != null && callbackTimeout.isZero()) {
      s.error("callback_timeout", "must be > 0");
    }
    return new CallbackStep(
        name, input, notification, callbackTimeout, output(s), failure(s), flow(s));
  }

  /** {@code value}, or empty text after reporting {@code key} as required. */
  private static String orEmpty(@Nullable String value, Section s, @Nullable String key) {
    if (value == null && key != null && !s.has(key)) {
      s.error(key, "required");
    }
    return value == null ? "" : value;
  }
}
