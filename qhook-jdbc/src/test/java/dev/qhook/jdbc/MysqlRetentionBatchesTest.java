package dev.qhook.jdbc;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The TTL sweep on MySQL, which has no {@code UPDATE ... RETURNING}, locks, updates and reads back
 * each batch of 1,000: here three batches.
 */
@EnabledIfEnvironmentVariable(named = MysqlTestDatabase.URL_VARIABLE, matches = ".+")
class MysqlRetentionBatchesTest extends RetentionBatchesTest {
  private final MysqlTestDatabase database = new MysqlTestDatabase();

  @Override
  ServerDatabase database() {
    return database;
  }

  @Override
  int events() {
    return 5;
  }

  @Override
  int jobsPerEvent() {
    return 500;
  }
}
