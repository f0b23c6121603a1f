package dev.qhook.it.queue;

import dev.qhook.it.MysqlDatabase;
import dev.qhook.spi.Store;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The queue routes on a real MySQL or MariaDB server, in a database of its own per test. */
@EnabledIfEnvironmentVariable(named = MysqlDatabase.URL_VARIABLE, matches = ".+")
class MysqlQueueHttpTest extends QueueHttpContract {
  private final MysqlDatabase database = new MysqlDatabase("qhook_qhttp_");

  @Override
  Store openStore() {
    return database.open();
  }

  @Override
  void dropStore() {
    database.drop();
  }
}
