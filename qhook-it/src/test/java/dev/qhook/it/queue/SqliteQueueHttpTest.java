package dev.qhook.it.queue;

import dev.qhook.jdbc.JdbcStore;
import dev.qhook.spi.Store;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The queue routes on a real SQLite file. */
class SqliteQueueHttpTest extends QueueHttpContract {
  @TempDir Path dir;

  @Override
  Store openStore() {
    return JdbcStore.sqlite(dir.resolve("qhook.db"));
  }
}
