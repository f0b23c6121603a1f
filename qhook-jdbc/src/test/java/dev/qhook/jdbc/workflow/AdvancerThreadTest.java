package dev.qhook.jdbc.workflow;

import static dev.qhook.jdbc.workflow.HttpWorkflowTest.BASE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.jdbc.JdbcStore;
import dev.qhook.spi.RunStatus;
import dev.qhook.testkit.ManualClock;
import dev.qhook.testkit.RecordingReceiver;
import dev.qhook.testkit.RecordingReceiver.RecordedRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workflow transition writer ({@code qhook-advancer}) starts its thread with the first
 * transition: an engine without workflows has none, and still advances the runs an earlier config
 * left in its store.
 */
class AdvancerThreadTest {
  static final String HOLD =
      """
      workflows:
        hold:
          source: app
          steps:
            - { name: pause, type: wait, seconds: 3600 }
            - { name: after, url: RECEIVER/after }
      """;

  @TempDir Path dir;

  @Test
  void anEngineWithoutWorkflowsStartsNoAdvancerThread() {
    Set<Thread> before = advancerThreads();
    String yaml = BASE + "handlers:\n  h: { source: app, url: RECEIVER/h }\n";

    try (WorkflowFixture f = WorkflowFixture.start(dir, yaml)) {
      f.send("app", "x", "{}");
      f.receiver.awaitRequests(1, WorkflowFixture.WAIT);

      assertThat(started(before)).isEmpty();
    }
  }

  @Test
  void anEngineWithoutWorkflowsStillAdvancesTheRunsOfAnEarlierConfig() {
    ManualClock clock = new ManualClock(WorkflowFixture.START);
    try (RecordingReceiver receiver = RecordingReceiver.start()) {
      WorkflowFixture first = WorkflowFixture.start(store(), BASE + HOLD, receiver, clock);
      String run = first.runOf(first.send("app", "h", "{}").eventId()).id();
      first.stopEngine();
      Set<Thread> before = advancerThreads();

      try (WorkflowFixture f = WorkflowFixture.start(store(), BASE, receiver, clock)) {
        assertThat(started(before)).isEmpty();

        f.advance(Duration.ofHours(2));

        f.awaitRun(run, RunStatus.COMPLETED);
        assertThat(receiver.requests()).extracting(RecordedRequest::path).containsExactly("/after");
        assertThat(started(before)).hasSize(1);
      }
    }
  }

  private JdbcStore store() {
    return JdbcStore.sqlite(dir.resolve("qhook.db"), 2, Clock.systemUTC());
  }

  private static Set<Thread> started(Set<Thread> before) {
    Set<Thread> now = advancerThreads();
    now.removeAll(before);
    return now;
  }

  private static Set<Thread> advancerThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("qhook-advancer") && t.isAlive())
        .collect(Collectors.toCollection(HashSet::new));
  }
}
