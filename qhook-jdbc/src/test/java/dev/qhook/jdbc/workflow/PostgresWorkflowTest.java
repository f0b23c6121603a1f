package dev.qhook.jdbc.workflow;

import dev.qhook.jdbc.PostgresTestDatabase;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * {@link ServerWorkflowTest} on PostgreSQL, when {@code QHOOK_TEST_POSTGRES_URL} names a server.
 */
@EnabledIfEnvironmentVariable(named = PostgresTestDatabase.URL_VARIABLE, matches = ".+")
class PostgresWorkflowTest extends ServerWorkflowTest {
  PostgresWorkflowTest() {
    super(new PostgresTestDatabase());
  }
}
