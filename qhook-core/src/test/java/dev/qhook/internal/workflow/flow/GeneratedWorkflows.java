package dev.qhook.internal.workflow.flow;

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
import dev.qhook.config.SubWorkflowStep;
import dev.qhook.config.WaitStep;
import dev.qhook.config.WorkflowConfig;
import dev.qhook.config.WorkflowParam;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Arbitrary {@link WorkflowConfig}s with every step type and every key, set or unset. Values need
 * not make a valid config (a goto may name no step): the canonical form only has to carry them.
 */
final class GeneratedWorkflows {
  private GeneratedWorkflows() {}

  static Arbitrary<WorkflowConfig> workflows() {
    return Combinators.combine(
            names(),
            names(),
            names().list().ofMaxSize(3),
            durations().injectNull(0.5),
            params().list().ofMaxSize(3),
            steps().list().ofMinSize(1).ofMaxSize(6))
        .as(WorkflowConfig::new);
  }

  static Arbitrary<Step> steps() {
    return Arbitraries.oneOf(
        Combinators.combine(names(), text(), calls(), outputs(), failures(), flows())
            .as(HttpStep::new),
        Combinators.combine(
                names(),
                text(),
                choices().list().ofMinSize(1).ofMaxSize(3),
                names().injectNull(0.5))
            .as(ChoiceStep::new),
        Combinators.combine(names(), text(), branches(), outputs(), failures(), flows())
            .as(ParallelStep::new),
        Combinators.combine(
                names(),
                text(),
                names().map(n -> "$." + n),
                Arbitraries.integers().between(1, 100),
                calls(),
                outputs(),
                failures(),
                flows())
            .as(MapStep::new),
        Combinators.combine(names(), text(), Arbitraries.of(true, false), durations(), flows())
            .as(
                (name, input, bySeconds, delay, flow) ->
                    new WaitStep(
                        name, input, bySeconds ? delay : null, bySeconds ? null : "$.at", flow)),
        Combinators.combine(
                names(),
                text(),
                calls().injectNull(0.3),
                durations().injectNull(0.5),
                outputs(),
                failures(),
                flows())
            .as(CallbackStep::new),
        Combinators.combine(names(), text(), names(), outputs(), failures(), flows())
            .as(SubWorkflowStep::new));
  }

  private static Arbitrary<String> names() {
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .withChars('-', '_')
        .ofMinLength(1)
        .ofMaxLength(8);
  }

  /** Nullable text with quotes, braces, newlines and non-ASCII characters. */
  private static Arbitrary<String> text() {
    return Arbitraries.strings()
        .withCharRange(' ', '~')
        .withChars('\n', 'é', '\u2603')
        .ofMaxLength(20)
        .injectNull(0.4);
  }

  private static Arbitrary<Duration> durations() {
    return Arbitraries.longs().between(1, 10_000_000).map(Duration::ofMillis);
  }

  private static Arbitrary<WorkflowParam> params() {
    return Combinators.combine(
            names(), Arbitraries.of(ParamType.class), Arbitraries.of(true, false))
        .as(WorkflowParam::new);
  }

  private static Arbitrary<HttpCall> calls() {
    return Combinators.combine(
            names().map(n -> "https://example.com/" + n),
            Arbitraries.of("GET", "POST", "PUT", "PATCH", "DELETE"),
            Arbitraries.maps(names(), text().filter(t -> t != null)).ofMaxSize(3))
        .as(HttpCall::new);
  }

  private static Arbitrary<Choice> choices() {
    return Combinators.combine(names().map(n -> "$." + n + " == x"), names()).as(Choice::new);
  }

  private static Arbitrary<List<Branch>> branches() {
    return Combinators.combine(names(), calls()).as(Branch::new).list().ofMinSize(1).ofMaxSize(3);
  }

  private static Arbitrary<StepOutput> outputs() {
    return Combinators.combine(names().map(n -> "$." + n).injectNull(0.3), text())
        .as(StepOutput::new);
  }

  private static Arbitrary<StepFlow> flows() {
    return Arbitraries.oneOf(
        Arbitraries.just(StepFlow.IN_ORDER),
        Arbitraries.just(new StepFlow(true, null)),
        names().map(n -> new StepFlow(false, n)));
  }

  private static Arbitrary<FailurePolicy> failures() {
    return Combinators.combine(
            retries(), catches().list().ofMaxSize(3), Arbitraries.of(OnFailure.class), durations())
        .as(FailurePolicy::new);
  }

  private static Arbitrary<CatchRule> catches() {
    return Combinators.combine(errorClasses(), names(), names().map(n -> "$." + n))
        .as(CatchRule::new);
  }

  private static Arbitrary<RetryPolicy> retries() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 20),
            Arbitraries.of(Backoff.class),
            durations(),
            durations(),
            Arbitraries.of(true, false),
            errorClasses())
        .as(RetryPolicy::new);
  }

  private static Arbitrary<Set<ErrorClass>> errorClasses() {
    return Arbitraries.of(ErrorClass.class).set().map(s -> Set.copyOf(new ArrayList<>(s)));
  }
}
