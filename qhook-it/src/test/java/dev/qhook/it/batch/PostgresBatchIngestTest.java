package dev.qhook.it.batch;

import dev.qhook.it.PostgresSchema;
import dev.qhook.spi.Store;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** Batch ingest on a real PostgreSQL server, in a schema of its own per test. */
@EnabledIfEnvironmentVariable(named = PostgresSchema.URL_VARIABLE, matches = ".+")
class PostgresBatchIngestTest extends BatchIngestContract {
  private final PostgresSchema schema = new PostgresSchema("qhook_batch_");

  @Override
  Store openStore() {
    return schema.open();
  }

  @Override
  void dropStore() {
    schema.drop();
  }
}
