package dev.qhook.jdbc.workflow;

import static dev.qhook.jdbc.workflow.HttpWorkflowTest.BASE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.StoreUnavailableException;
import dev.qhook.jdbc.JdbcStore;
import dev.qhook.spi.ClaimRequest;
import dev.qhook.spi.ClaimedJob;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.RunAdvance;
import dev.qhook.spi.RunStatus;
import dev.qhook.spi.RunStep;
import dev.qhook.spi.RunStore;
import dev.qhook.spi.Store;
import dev.qhook.spi.WorkflowRun;
import dev.qhook.testkit.ForwardingStore;
import dev.qhook.testkit.ManualClock;
import dev.qhook.testkit.RecordingReceiver;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Call-less steps (a choice, the fan-out of a parallel or map step) run inside the transition that
 * leads to them (docs/architecture.md, "Workflow runs"): their jobs are never claimed, they are
 * stored in the same transaction as that transition, and their records are those of a step run as a
 * job.
 */
class InlineStepsWorkflowTest {
  @TempDir Path dir;

  static final String FLOW =
      BASE
          + """
          workflows:
            flow:
              source: app
              steps:
                - { name: a, url: ECHO/a, result_path: $.a }
                - name: pick
                  type: choice
                  choices: [{ when: "$.n exists", goto: both }]
                  default: both
                - name: both
                  type: parallel
                  result_path: $.par
                  branches:
                    - { name: left, url: ECHO/left }
                    - { name: right, url: ECHO/right }
                - { name: e, url: ECHO/e, result_path: null }
          """;

  @Test
  void aChoiceAndAFanOutAreStoredWithTheTransitionThatLeadsToThemAndNeverClaimed() {
    Recording store = new Recording(JdbcStore.sqlite(dir.resolve("q.db"), 2, clock()));
    try (EchoServer echo = EchoServer.start();
        WorkflowFixture f =
            WorkflowFixture.start(
                store, FLOW.replace("ECHO", echo.url("")), RecordingReceiver.start(), manual())) {
      String run = f.runOf(f.send("app", "x", "{\"n\":1}").eventId()).id();

      WorkflowRun done = f.awaitRun(run, RunStatus.COMPLETED);

      List<RunStep> steps = f.detail(run).steps();
      assertThat(steps)
          .extracting(s -> s.job().step().stepName() + "/" + s.job().step().branch())
          .containsExactly("a/null", "pick/null", "both/null", "both/left", "both/right", "e/null");
      assertThat(steps)
          .allSatisfy(
              s -> {
                assertThat(s.job().status()).isEqualTo(JobStatus.COMPLETED);
                assertThat(s.job().attempt()).isEqualTo(1);
              });
      RunStep pick = steps.get(1);
      assertThat(pick.output()).isEqualTo(pick.input()).isEqualTo(steps.get(0).output());
      assertThat(steps.get(2).input()).isEqualTo(pick.output());
      assertThat(done.output())
          .isEqualTo(
              "{\"n\":1,\"a\":{\"n\":1},\"par\":{\"left\":{\"n\":1,\"a\":{\"n\":1}},"
                  + "\"right\":{\"n\":1,\"a\":{\"n\":1}}}}");
      assertThat(echo.paths).containsExactlyInAnyOrder("/a", "/left", "/right", "/e");
      String a = steps.get(0).job().id();
      String choice = pick.job().id();
      String parallel = steps.get(2).job().id();
      assertThat(store.claimed).doesNotContain(choice);
      assertThat(store.writes)
          .filteredOn(ids -> ids.contains(a))
          .singleElement()
          .satisfies(ids -> assertThat(ids).contains(choice, parallel));
    }
  }

  @Test
  void aFailedWriteLosesTheTransitionAndItsInlineStepsTogetherAndTheStepRunsAgain() {
    Recording store = new Recording(JdbcStore.sqlite(dir.resolve("q.db"), 2, clock()));
    try (EchoServer echo = EchoServer.start();
        WorkflowFixture f =
            WorkflowFixture.start(
                store, FLOW.replace("ECHO", echo.url("")), RecordingReceiver.start(), manual())) {
      store.failWriteWith.set("flow/pick");
      String run = f.runOf(f.send("app", "x", "{\"n\":1}").eventId()).id();
      org.awaitility.Awaitility.await()
          .atMost(WorkflowFixture.WAIT)
          .until(() -> !store.failWriteWith.get().equals("flow/pick"));
      assertThat(f.detail(run).steps())
          .extracting(s -> s.job().step().stepName())
          .containsOnly("a");

      f.advance(Duration.ofMinutes(2)); // a's lease lapses: it is recovered and runs again

      f.awaitRun(run, RunStatus.COMPLETED);
      assertThat(echo.paths).containsExactlyInAnyOrder("/a", "/a", "/left", "/right", "/e");
      assertThat(f.detail(run).steps())
          .extracting(s -> s.job().step().stepName())
          .containsExactly("a", "pick", "both", "both", "both", "e");
    }
  }

  @Test
  void aMapFanOutAfterACallKeepsItsItemsInOrder() {
    String yaml =
        BASE
            + """
            workflows:
              items:
                source: app
                steps:
                  - { name: get, url: ECHO/get, result_path: $.got }
                  - name: each
                    type: map
                    items_path: $.got.list
                    max_concurrency: 1
                    url: ECHO/item
                    result_path: $.done
            """;
    try (EchoServer echo = EchoServer.start();
        WorkflowFixture f = WorkflowFixture.start(dir, yaml.replace("ECHO", echo.url("")))) {
      String run = f.runOf(f.send("app", "x", "{\"list\":[1,2,3]}").eventId()).id();

      WorkflowRun done = f.awaitRun(run, RunStatus.COMPLETED);

      assertThat(done.output())
          .isEqualTo("{\"list\":[1,2,3],\"got\":{\"list\":[1,2,3]},\"done\":[1,2,3]}");
      assertThat(f.detail(run).steps())
          .extracting(s -> s.job().step().branch())
          .containsExactly(null, null, "0", "1", "2");
    }
  }

  private static Clock clock() {
    return Clock.systemUTC();
  }

  private static ManualClock manual() {
    return new ManualClock(WorkflowFixture.START);
  }

  /**
   * Records the jobs claimed and the job ids of each call storing transitions; fails the first such
   * call that holds a transition of a job of {@link #failWriteWith} (then clears it).
   */
  static final class Recording extends ForwardingStore {
    final List<String> claimed = new CopyOnWriteArrayList<>();
    final List<List<String>> writes = new CopyOnWriteArrayList<>();
    final java.util.concurrent.atomic.AtomicReference<String> failWriteWith =
        new java.util.concurrent.atomic.AtomicReference<>("");
    private final RunStore runs;

    Recording(Store delegate) {
      super(delegate);
      RunStore real = delegate.runs();
      this.runs =
          (RunStore)
              Proxy.newProxyInstance(
                  RunStore.class.getClassLoader(),
                  new Class<?>[] {RunStore.class},
                  (proxy, method, args) -> {
                    if (method.getName().equals("advanceRuns")) {
                      @SuppressWarnings("unchecked")
                      List<RunAdvance> advances = (List<RunAdvance>) args[0];
                      failIfAsked(advances);
                      writes.add(advances.stream().map(a -> a.completion().jobId()).toList());
                    }
                    try {
                      return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                      throw e.getCause();
                    }
                  });
    }

    private void failIfAsked(List<RunAdvance> advances) {
      String target = failWriteWith.get();
      boolean hit =
          !target.isEmpty()
              && advances.stream()
                  .anyMatch(a -> a.next().stream().anyMatch(s -> s.job().target().equals(target)));
      if (hit && failWriteWith.compareAndSet(target, "")) {
        throw new StoreUnavailableException(
            "advancing runs", "the test failed this write", new IllegalStateException());
      }
    }

    @Override
    public RunStore runs() {
      return runs;
    }

    @Override
    public List<ClaimedJob> claim(ClaimRequest request) {
      List<ClaimedJob> jobs = super.claim(request);
      jobs.forEach(j -> claimed.add(j.job().id()));
      return jobs;
    }
  }
}
