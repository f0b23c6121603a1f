package dev.qhook.jdbc.workflow;

import dev.qhook.jdbc.MysqlTestDatabase;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * {@link ServerWorkflowTest} on MySQL or MariaDB, when {@code QHOOK_TEST_MYSQL_URL} names a server.
 */
@EnabledIfEnvironmentVariable(named = MysqlTestDatabase.URL_VARIABLE, matches = ".+")
class MysqlWorkflowTest extends ServerWorkflowTest {
  MysqlWorkflowTest() {
    super(new MysqlTestDatabase());
  }
}
