package dev.qhook.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LazyGroupCommitterTest {
  private final String name = "lazy-" + UUID.randomUUID();
  private final List<List<Integer>> batches = new CopyOnWriteArrayList<>();

  private List<Integer> write(List<Integer> items) {
    batches.add(List.copyOf(items));
    return items.stream().map(i -> i * 2).toList();
  }

  @Test
  void startsItsWriterThreadWithTheFirstSubmit() throws Exception {
    try (LazyGroupCommitter<Integer, Integer> committer =
        new LazyGroupCommitter<>(name, 10, this::write)) {
      assertThat(writerThreads()).isZero();

      assertThat(committer.submit(21).get(10, TimeUnit.SECONDS)).isEqualTo(42);
      assertThat(committer.submit(1).get(10, TimeUnit.SECONDS)).isEqualTo(2);

      assertThat(writerThreads()).isEqualTo(1);
      assertThat(batches).flatExtracting(b -> b).containsExactly(21, 1);
    }
  }

  @Test
  void closedBeforeAnySubmitStartsNothingAndRefusesLaterItems() {
    LazyGroupCommitter<Integer, Integer> committer =
        new LazyGroupCommitter<>(name, 10, this::write);
    committer.close();
    committer.close();

    assertThatThrownBy(() -> committer.submit(1).get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(IllegalStateException.class)
        .hasRootCauseMessage(name + " is closed");
    assertThat(writerThreads()).isZero();
    assertThat(batches).isEmpty();
  }

  @Test
  void closingAStartedOneWritesWhatIsQueuedAndRefusesLaterItems() throws Exception {
    LazyGroupCommitter<Integer, Integer> committer =
        new LazyGroupCommitter<>(name, 10, this::write);
    var first = committer.submit(5);
    committer.close();

    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(10);
    assertThatThrownBy(() -> committer.submit(6).get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(IllegalStateException.class);
    assertThat(batches).flatExtracting(b -> b).containsExactly(5);
  }

  @Test
  void refusesABatchSizeBelowOne() {
    assertThatThrownBy(() -> new LazyGroupCommitter<Integer, Integer>(name, 0, this::write))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxBatch must be >= 1, was 0");
  }

  private long writerThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals(name) && t.isAlive())
        .count();
  }
}
