package dev.qhook.jdbc.internal;

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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@link RunStore} of the JDBC store: tables {@code workflow_runs}, {@code workflow_steps},
 * {@code workflow_definitions} and {@code callback_tokens}. Every write is one transaction.
 */
public final class JdbcRuns implements RunStore {
  private final Database db;
  private final RunReader reader = new RunReader();
  private final RunWriter writer;
  private final TransitionWriter transitions;

  public JdbcRuns(Database db, JobCompleter completer) {
    this.db = db;
    this.writer = new RunWriter(db.dialect());
    this.transitions = new TransitionWriter(db.dialect(), completer);
  }

  @Override
  public boolean advanceRun(RunAdvance advance) {
    return db.write(
        "advancing run " + advance.runId(), h -> transitions.advance(h, List.of(advance)).get(0));
  }

  /**
   * One transaction and one commit for all of them, in a fixed number of statements per round of
   * transitions of different runs ({@link TransitionWriter}).
   */
  @Override
  public List<Boolean> advanceRuns(List<RunAdvance> advances) {
    if (advances.isEmpty()) {
      return List.of();
    }
    return db.write(
        "advancing runs (" + advances.size() + " transitions)",
        h -> transitions.advance(h, advances));
  }

  @Override
  public Optional<WorkflowRun> run(String id) {
    return db.read("reading run " + id, h -> reader.run(h, id));
  }

  @Override
  public Page<WorkflowRun> runs(RunQuery query) {
    return db.read("listing runs", h -> reader.runs(h, query));
  }

  @Override
  public List<RunStep> runSteps(String runId) {
    return db.read("reading the steps of run " + runId, h -> reader.steps(h, runId));
  }

  @Override
  public Optional<StepState> stepState(String jobId) {
    return db.read("reading step job " + jobId, h -> reader.stepState(h, jobId));
  }

  @Override
  public Optional<String> definition(String hash) {
    return db.read("reading workflow definition " + hash, h -> reader.definition(h, hash));
  }

  @Override
  public boolean endRun(String runId, RunStatus status, @Nullable String error, Instant now) {
    return db.write("ending run " + runId, h -> writer.endRun(h, runId, status, error, now));
  }

  @Override
  public List<WorkflowRun> overdueRuns(Instant now, int limit) {
    return db.read("finding overdue runs", h -> reader.overdue(h, now, limit));
  }

  @Override
  public boolean redriveRun(String runId, NewStep step, @Nullable Instant deadline, Instant now) {
    return db.write("redriving run " + runId, h -> writer.redrive(h, runId, step, deadline, now));
  }

  @Override
  public void createCallbackToken(String token, String runId, String jobId, Instant now) {
    db.write(
        "creating a callback token for job " + jobId,
        h -> {
          writer.createToken(h, token, runId, jobId, now);
          return null;
        });
  }

  @Override
  public boolean completeCallback(String token, String resume, Instant now) {
    return db.write("completing a callback", h -> writer.completeCallback(h, token, resume, now));
  }

  @Override
  public int expireCallbackTokens(Instant now, String resume) {
    return db.write("expiring callback tokens", h -> writer.expireTokens(h, now, resume));
  }

  @Override
  public Map<RunStatus, Long> countRunsByStatus() {
    return db.read("counting runs", reader::countByStatus);
  }
}
