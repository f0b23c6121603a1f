package dev.qhook.internal.config;

import static dev.qhook.internal.config.Yaml.bindingErrors;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Workflow checks: required keys per step type, references, uniqueness, cycles. Workflows are
 * refused until the engine runs them ({@link Unsupported}); these checks run below that step.
 */
class WorkflowValidationTest {
  private static String workflow(String steps) {
    return """
        sources:
          app: { type: event }
        workflows:
          order:
            source: app
            steps:
        """
        + steps.indent(6);
  }

  @Test
  void catchGotoMustNameAStepAndSuggestsTheNearest() {
    assertThat(
            bindingErrors(
                workflow(
                    """
                    - { name: charge, url: 'http://pay/charge' }
                    - { name: ship, url: 'http://ship/x' }
                    - { name: rollback, url: 'http://pay/refund', end: true }
                    - name: notify
                      url: 'http://n/x'
                      catch: [{ errors: [all], goto: rollbak }]
                    """)))
        .containsExactly(
            "workflows.order.steps[3].catch[0].goto: no step 'rollbak' in workflow 'order' (did"
                + " you mean 'rollback'?)");
  }

  @Test
  void stepNamesAreUnique() {
    assertThat(
            bindingErrors(
                workflow(
                    """
                    - { name: charge, url: 'http://pay/a' }
                    - { name: charge, url: 'http://pay/b' }
                    """)))
        .containsExactly("workflows.order.steps[1].name: duplicate step name 'charge'");
  }

  @Test
  void gotoChoicesAndDefaultAreChecked() {
    assertThat(
            bindingErrors(
                workflow(
                    """
                    - name: pick
                      type: choice
                      choices: [{ when: '$.a == 1', goto: nowhere }]
                      default: elsewhere
                    - { name: b, url: 'http://b/x', goto: missing }
                    """)))
        .containsExactly(
            "workflows.order.steps[0].choices[0].goto: no step 'nowhere' in workflow 'order'",
            "workflows.order.steps[0].default: no step 'elsewhere' in workflow 'order'",
            "workflows.order.steps[1].goto: no step 'missing' in workflow 'order'");
  }

  @Test
  void requiredKeysPerStepType() {
    assertThat(
            bindingErrors(
                workflow(
                    """
                    - { name: call }
                    - { name: pick, type: choice }
                    - { name: fan, type: parallel }
                    - { name: each, type: map, url: 'http://m/x' }
                    - { name: pause, type: wait }
                    - { name: child, type: workflow }
                    - { url: 'http://x/y' }
                    """)))
        .containsExactlyInAnyOrder(
            "workflows.order.steps[0].url: required",
            "workflows.order.steps[1].choices: a choice step needs at least one choice",
            "workflows.order.steps[2].branches: a parallel step needs at least one branch",
            "workflows.order.steps[3].items_path: required",
            "workflows.order.steps[4].seconds: a wait step needs exactly one of 'seconds' and"
                + " 'timestamp_path'",
            "workflows.order.steps[5].workflow: required",
            "workflows.order.steps[6].name: required");
  }

  @Test
  void endAndGotoAreExclusiveAndWaitTakesOneOfTwo() {
    assertThat(
            bindingErrors(
                workflow(
                    """
                    - { name: a, url: 'http://a/x', end: true, goto: b }
                    - { name: b, type: wait, seconds: 5, timestamp_path: '$.at' }
                    """)))
        .containsExactly(
            "workflows.order.steps[0].goto: 'end' and 'goto' cannot both be set",
            "workflows.order.steps[1].timestamp_path: a wait step needs exactly one of 'seconds'"
                + " and 'timestamp_path'");
  }

  @Test
  void keysOfOtherStepTypesAreRejected() {
    assertThat(
            bindingErrors(
                workflow(
                    """
                    - { name: a, type: wait, seconds: 1, url: 'http://a/x', retyr: {} }
                    - { name: b, type: choice, choices: [{ when: x, goto: a }], end: true }
                    """)))
        .containsExactlyInAnyOrder(
            "workflows.order.steps[0].url: not valid for a 'wait' step",
            "workflows.order.steps[0].retyr: unknown key",
            "workflows.order.steps[1].end: not valid for a 'choice' step");
  }

  @Test
  void branchNamesAreUniqueWithinAStep() {
    assertThat(
            bindingErrors(
                workflow(
                    """
                    - name: fan
                      type: parallel
                      branches:
                        - { name: a, url: 'http://a/x' }
                        - { name: a, url: 'http://b/x' }
                    """)))
        .containsExactly("workflows.order.steps[0].branches[1].name: duplicate branch name 'a'");
  }

  @Test
  void subWorkflowsMustExistAndFormNoCycle() {
    String yaml =
        """
        sources:
          app: { type: event }
        workflows:
          a:
            source: app
            steps: [{ name: call-b, type: workflow, workflow: b }]
          b:
            source: app
            steps: [{ name: call-a, type: workflow, workflow: a }]
          c:
            source: app
            steps: [{ name: call-x, type: workflow, workflow: x }]
        """;
    assertThat(bindingErrors(yaml))
        .containsExactly(
            "workflows.a.steps[0].workflow: sub-workflow cycle: a -> b -> a",
            "workflows.b.steps[0].workflow: sub-workflow cycle: b -> a -> b",
            "workflows.c.steps[0].workflow: unknown workflow 'x' (defined: a, b, c)");
  }

  @Test
  void workflowNeedsStepsAndKnownParamTypes() {
    assertThat(
            bindingErrors(
                """
                sources:
                  app: { type: event }
                workflows:
                  w:
                    source: app
                    filter: x
                    params: [{ name: id, type: uuid }]
                """))
        .containsExactlyInAnyOrder(
            "workflows.w.filter: unknown key",
            "workflows.w.steps: a workflow needs at least one step",
            "workflows.w.params[0].type: unsupported param type 'uuid' (supported: string, number,"
                + " boolean, object, array)");
  }

  @Test
  void stepUrlsGoThroughThePrivateAddressCheck() {
    assertThat(bindingErrors(workflow("- { name: a, url: 'http://192.168.1.5/x' }")))
        .containsExactly(
            "workflows.order.steps[0].url: private address not allowed: http://192.168.1.5/x (set"
                + " server.allow_private_urls to permit)");
  }
}
