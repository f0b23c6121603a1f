package dev.qhook.it;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** {@link ThreeInstancesContract} on MySQL or MariaDB, each test in a database of its own. */
@EnabledIfEnvironmentVariable(named = MysqlDatabase.URL_VARIABLE, matches = ".+")
class MysqlThreeInstancesTest extends ThreeInstancesContract {
  private final MysqlDatabase database = new MysqlDatabase("qhook_three_");

  @Override
  String freshDatabaseUrl() {
    database.create();
    return database.url();
  }

  @Override
  void dropDatabase() {
    database.drop();
  }
}
