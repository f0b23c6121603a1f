package dev.qhook.testkit.store;

import static dev.qhook.testkit.store.RunFixtures.runId;
import static dev.qhook.testkit.store.RunFixtures.running;
import static dev.qhook.testkit.store.RunFixtures.step;
import static dev.qhook.testkit.store.StoreFixtures.at;
import static dev.qhook.testkit.store.StoreFixtures.event;
import static dev.qhook.testkit.store.StoreFixtures.success;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.spi.AppendResult;
import dev.qhook.spi.Completion;
import dev.qhook.spi.Event;
import dev.qhook.spi.Job;
import dev.qhook.spi.NewEvent;
import dev.qhook.spi.NewRun;
import dev.qhook.spi.NewStep;
import dev.qhook.spi.RunAdvance;
import dev.qhook.spi.WorkflowRun;
import java.time.Instant;
import java.util.List;

/** Helpers of the run contracts: start runs, claim their first step, build transitions. */
public interface RunSteps extends StoreContract {

  /** Appends an event that starts {@code runs}; returns the event. */
  default Event startRuns(Instant at, NewRun... runs) {
    Event event = event(at);
    List<AppendResult> results =
        store().append(List.of(new NewEvent(event, List.of(), List.of(runs))));
    assertThat(results).singleElement().isInstanceOf(AppendResult.Stored.class);
    return event;
  }

  default WorkflowRun run(String id) {
    return store().runs().run(id).orElseThrow(() -> new AssertionError("no run " + id));
  }

  /** Starts a run at T0 and claims its first step job. */
  default Job startedAndClaimed(String runId) {
    startRuns(at(0), running(runId, step(runId, "first", 0, at(0)), null));
    Job claimed = claimOne(at(0));
    assertThat(claimed.step()).isNotNull();
    return claimed;
  }

  default RunAdvance.Builder succeeded(Job job, String runId, Instant at) {
    return RunAdvance.builder(
        runId, new Completion.Succeeded(job.id(), job.attempt(), success(job.attempt(), at)), at);
  }

  /**
   * Stores the first execution of the parallel step job {@code parallel}: it waits, with branch
   * jobs a and b of {@code activation} due at T1. Returns them.
   */
  default List<NewStep> fanOut(Job parallel, String runId, String activation) {
    NewStep a = RunFixtures.branch(runId, "first", "a", activation, at(1));
    NewStep b = RunFixtures.branch(runId, "first", "b", activation, at(1));
    store()
        .runs()
        .advanceRun(
            succeeded(parallel, runId, at(1)).waits(null, null).next(List.of(a, b)).build());
    return List.of(a, b);
  }
}
