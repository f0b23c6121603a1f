package dev.qhook.jdbc;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The TTL sweep on PostgreSQL: more expired jobs than the PostgreSQL protocol binds parameters in
 * one statement (65,535).
 */
@EnabledIfEnvironmentVariable(named = PostgresTestDatabase.URL_VARIABLE, matches = ".+")
class PostgresRetentionBatchesTest extends RetentionBatchesTest {
  private final PostgresTestDatabase database = new PostgresTestDatabase();

  @Override
  ServerDatabase database() {
    return database;
  }

  @Override
  int events() {
    return 70;
  }

  @Override
  int jobsPerEvent() {
    return 1_000;
  }
}
