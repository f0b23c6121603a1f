package dev.qhook.it.batch;

import dev.qhook.jdbc.JdbcStore;
import dev.qhook.spi.Store;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Batch ingest on a real SQLite file. */
class SqliteBatchIngestTest extends BatchIngestContract {
  @TempDir Path dir;

  @Override
  Store openStore() {
    return JdbcStore.sqlite(dir.resolve("qhook.db"));
  }
}
