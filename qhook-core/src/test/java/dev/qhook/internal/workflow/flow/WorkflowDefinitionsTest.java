package dev.qhook.internal.workflow.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qhook.config.WorkflowConfig;
import dev.qhook.internal.config.BoundWorkflows;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The canonical form a run is pinned to: round trips, versions. */
class WorkflowDefinitionsTest {
  static Stream<WorkflowConfig> exampleWorkflows() {
    return Stream.of(
            "alert-remediation.yaml",
            "deploy-pipeline.yaml",
            "tenant-provision.yaml",
            "terraform-post-apply.yaml")
        .flatMap(name -> BoundWorkflows.example(name).values().stream());
  }

  private static Map<String, WorkflowConfig> bind(String yaml) {
    return BoundWorkflows.bind(yaml);
  }

  @ParameterizedTest
  @MethodSource("exampleWorkflows")
  void eachExampleReadsBackEqualFromItsCanonicalForm(WorkflowConfig workflow) {
    String canonical = WorkflowDefinitions.canonical(workflow);

    assertThat(WorkflowDefinitions.fromCanonical(canonical)).isEqualTo(workflow);
    assertThat(WorkflowDefinitions.canonical(WorkflowDefinitions.fromCanonical(canonical)))
        .isEqualTo(canonical);
  }

  @Test
  void theFourExamplesAreThere() {
    assertThat(exampleWorkflows().map(WorkflowConfig::name))
        .containsExactlyInAnyOrder("remediate", "deploy", "tenant-provision", "post-apply");
  }

  @Test
  void theVersionIs32HexCharactersOfTheCanonicalForm() {
    WorkflowConfig deploy =
        exampleWorkflows().filter(w -> w.name().equals("deploy")).findFirst().orElseThrow();

    String version = WorkflowDefinitions.version(deploy);

    assertThat(version).matches("[0-9a-f]{32}");
    assertThat(version)
        .isEqualTo(WorkflowDefinitions.versionOf(WorkflowDefinitions.canonical(deploy)));
  }

  @Test
  void theSameYamlGivesTheSameVersionAndAnEditGivesANewOne() {
    String yaml =
        """
        sources: {s: {type: event}}
        workflows:
          w:
            source: s
            steps:
              - name: a
                url: http://example.com/a
                retry: {max: 2}
        """;
    String same = yaml.replace("retry: {max: 2}", "retry:\n          max: 2");
    String edited = yaml.replace("max: 2", "max: 3");

    String version = WorkflowDefinitions.version(bind(yaml).get("w"));

    assertThat(WorkflowDefinitions.version(bind(same).get("w"))).isEqualTo(version);
    assertThat(WorkflowDefinitions.version(bind(edited).get("w"))).isNotEqualTo(version);
  }

  @Test
  void everyStepTypeAndKeyIsWritten() {
    String yaml =
        """
        sources: {s: {type: event}}
        workflows:
          child:
            source: s
            steps: [{name: only, url: http://example.com/c}]
          w:
            source: s
            events: [a.*, b]
            timeout: 90s
            params: [{name: id}, {name: n, type: number, required: false}]
            steps:
              - name: h
                url: http://example.com/h
                method: PUT
                headers: {X-B: "2", X-A: "1"}
                input: '{"id": "{{ $.id }}"}'
                result_path: $.h
                output: '{"h": {{ $.h }}}'
                retry: {max: 4, backoff: fixed, interval: 2s, max_interval: 10s, jitter: false, errors: [5xx, network]}
                catch: [{errors: [4xx], goto: w8, result_path: $.err}, {goto: cb}]
                on_failure: continue
                timeout: 5s
              - name: ch
                type: choice
                choices: [{when: $.h.ok, goto: p}, {condition: "$.n > 1", goto: m}]
                default: w8
              - name: p
                type: parallel
                branches: [{name: b1, url: http://example.com/1}, {name: b2, url: http://example.com/2, method: PATCH}]
                result_path: null
                goto: m
              - name: m
                type: map
                items_path: $.items
                max_concurrency: 3
                url: http://example.com/m
              - name: w8
                type: wait
                timestamp_path: $.at
              - name: w9
                type: wait
                seconds: 15
              - name: cb
                type: callback
                url: http://example.com/notify
                headers: {Authorization: Bearer x}
                callback_timeout: 10m
              - name: cb2
                type: callback
              - name: sub
                type: workflow
                workflow: child
                end: true
        """;
    WorkflowConfig w = bind(yaml).get("w");

    String canonical = WorkflowDefinitions.canonical(w);

    assertThat(WorkflowDefinitions.fromCanonical(canonical)).isEqualTo(w);
    assertThat(canonical)
        .contains("\"timeout\":\"PT1M30S\"")
        .contains("\"headers\":{\"X-B\":\"2\",\"X-A\":\"1\"}")
        .contains("\"errors\":[\"5xx\",\"network\"]")
        .contains("\"result_path\":null")
        .contains("\"notification\":null")
        .contains("\"on_failure\":\"continue\"");
  }

  @Test
  void somethingElseIsRefused() {
    assertThatThrownBy(() -> WorkflowDefinitions.fromCanonical("[1]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a JSON object");
    assertThatThrownBy(() -> WorkflowDefinitions.fromCanonical("{\"name\":\"w\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("workflow definition: missing 'source'");
  }

  @Property(tries = 200)
  void generatedWorkflowsReadBackEqual(@ForAll("workflows") WorkflowConfig workflow) {
    String canonical = WorkflowDefinitions.canonical(workflow);

    WorkflowConfig back = WorkflowDefinitions.fromCanonical(canonical);

    assertThat(back).isEqualTo(workflow);
    assertThat(WorkflowDefinitions.version(back)).isEqualTo(WorkflowDefinitions.version(workflow));
  }

  @Provide
  Arbitrary<WorkflowConfig> workflows() {
    return GeneratedWorkflows.workflows();
  }
}
