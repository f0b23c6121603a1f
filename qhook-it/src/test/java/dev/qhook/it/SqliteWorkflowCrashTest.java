package dev.qhook.it;

import java.time.Duration;

/**
 * {@link WorkflowCrashContract} on a SQLite file: the restarted server requeues the jobs the killed
 * one held at once (one instance per file).
 */
class SqliteWorkflowCrashTest extends WorkflowCrashContract {
  @Override
  String freshDatabaseUrl() {
    return "sqlite:qhook.db";
  }

  @Override
  Duration recoveryBound() {
    return Duration.ofSeconds(60);
  }
}
