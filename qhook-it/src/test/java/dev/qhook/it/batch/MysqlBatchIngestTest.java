package dev.qhook.it.batch;

import dev.qhook.it.MysqlDatabase;
import dev.qhook.spi.Store;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** Batch ingest on a real MySQL or MariaDB server, in a database of its own per test. */
@EnabledIfEnvironmentVariable(named = MysqlDatabase.URL_VARIABLE, matches = ".+")
class MysqlBatchIngestTest extends BatchIngestContract {
  private final MysqlDatabase database = new MysqlDatabase("qhook_batch_");

  @Override
  Store openStore() {
    return database.open();
  }

  @Override
  void dropStore() {
    database.drop();
  }
}
