package dev.qhook.memory;

import dev.qhook.spi.NewStep;
import dev.qhook.spi.Page;
import dev.qhook.spi.RunAdvance;
import dev.qhook.spi.RunQuery;
import dev.qhook.spi.RunStatus;
import dev.qhook.spi.RunStep;
import dev.qhook.spi.RunStore;
import dev.qhook.spi.StepState;
import dev.qhook.spi.WorkflowRun;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The {@link RunStore} of {@link InMemoryStore}; every method holds the store's lock. */
final class InMemoryRunStore implements RunStore {
  private final Object lock;
  private final InMemoryRuns runs;

  InMemoryRunStore(Object lock, InMemoryRuns runs) {
    this.lock = lock;
    this.runs = runs;
  }

  @Override
  public boolean advanceRun(RunAdvance advance) {
    synchronized (lock) {
      return runs.advance(advance);
    }
  }

  /** Under one hold of the lock, so no other write comes between them. */
  @Override
  public List<Boolean> advanceRuns(List<RunAdvance> advances) {
    synchronized (lock) {
      List<Boolean> applied = new ArrayList<>(advances.size());
      for (RunAdvance a : advances) {
        applied.add(runs.advance(a));
      }
      return applied;
    }
  }

  @Override
  public Optional<WorkflowRun> run(String id) {
    synchronized (lock) {
      return runs.run(id);
    }
  }

  @Override
  public Page<WorkflowRun> runs(RunQuery query) {
    synchronized (lock) {
      return runs.runs(query);
    }
  }

  @Override
  public List<RunStep> runSteps(String runId) {
    synchronized (lock) {
      return runs.steps(runId);
    }
  }

  @Override
  public Optional<StepState> stepState(String jobId) {
    synchronized (lock) {
      return runs.stepState(jobId);
    }
  }

  @Override
  public Optional<String> definition(String hash) {
    synchronized (lock) {
      return runs.definition(hash);
    }
  }

  @Override
  public boolean endRun(String runId, RunStatus status, @Nullable String error, Instant now) {
    synchronized (lock) {
      return runs.endRun(runId, status, error, now);
    }
  }

  @Override
  public List<WorkflowRun> overdueRuns(Instant now, int limit) {
    synchronized (lock) {
      return runs.overdue(now, limit);
    }
  }

  @Override
  public boolean redriveRun(String runId, NewStep step, @Nullable Instant deadline, Instant now) {
    synchronized (lock) {
      return runs.redrive(runId, step, deadline, now);
    }
  }

  @Override
  public void createCallbackToken(String token, String runId, String jobId, Instant now) {
    synchronized (lock) {
      runs.createToken(token, runId, jobId, now);
    }
  }

  @Override
  public boolean completeCallback(String token, String resume, Instant now) {
    synchronized (lock) {
      return runs.completeCallback(token, resume, now);
    }
  }

  @Override
  public int expireCallbackTokens(Instant now, String resume) {
    synchronized (lock) {
      return runs.expireTokens(now, resume);
    }
  }

  @Override
  public Map<RunStatus, Long> countRunsByStatus() {
    synchronized (lock) {
      return runs.countByStatus();
    }
  }
}
