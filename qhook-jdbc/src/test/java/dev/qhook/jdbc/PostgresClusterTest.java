package dev.qhook.jdbc;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** Two stores on one PostgreSQL database behave as two instances of one cluster. */
@EnabledIfEnvironmentVariable(named = PostgresTestDatabase.URL_VARIABLE, matches = ".+")
class PostgresClusterTest extends ClusterTest {
  private final PostgresTestDatabase database = new PostgresTestDatabase();

  @Override
  ServerDatabase database() {
    return database;
  }

  @Override
  String databaseName() {
    return "postgres";
  }
}
