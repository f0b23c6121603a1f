package dev.qhook.it;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * {@link WorkflowCrashContract} on PostgreSQL, in a schema of its own: the restarted server takes
 * the killed one's jobs back once their leases (23 s) lapse, at the next lost-jobs sweep.
 */
@EnabledIfEnvironmentVariable(named = PostgresSchema.URL_VARIABLE, matches = ".+")
class PostgresWorkflowCrashTest extends WorkflowCrashContract {
  private final String schema =
      "qhook_wfcrash_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

  @Override
  String freshDatabaseUrl() {
    return PostgresThreeInstancesTest.createSchema(schema);
  }

  @Override
  void dropDatabase() {
    PostgresThreeInstancesTest.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }

  @Override
  Duration recoveryBound() {
    return Duration.ofSeconds(120);
  }
}
