package dev.qhook.it.batch;

import dev.qhook.jdbc.JdbcStore;
import dev.qhook.spi.Store;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** Batch ingest on a real PostgreSQL server, in a schema of its own per test. */
@EnabledIfEnvironmentVariable(named = "QHOOK_TEST_POSTGRES_URL", matches = ".+")
class PostgresBatchIngestTest extends BatchIngestContract {
  private static final String URL = System.getenv("QHOOK_TEST_POSTGRES_URL");
  private final String schema =
      "qhook_batch_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

  @Override
  Store openStore() {
    execute("CREATE SCHEMA " + schema);
    return JdbcStore.postgres(URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema);
  }

  @Override
  void dropStore() {
    execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }

  private static void execute(String sql) {
    try (Connection c = DriverManager.getConnection(URL);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
