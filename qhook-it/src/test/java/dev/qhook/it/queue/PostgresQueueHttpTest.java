package dev.qhook.it.queue;

import dev.qhook.it.PostgresSchema;
import dev.qhook.spi.Store;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The queue routes on a real PostgreSQL server, in a schema of its own per test. */
@EnabledIfEnvironmentVariable(named = PostgresSchema.URL_VARIABLE, matches = ".+")
class PostgresQueueHttpTest extends QueueHttpContract {
  private final PostgresSchema schema = new PostgresSchema("qhook_qhttp_");

  @Override
  Store openStore() {
    return schema.open();
  }

  @Override
  void dropStore() {
    schema.drop();
  }
}
