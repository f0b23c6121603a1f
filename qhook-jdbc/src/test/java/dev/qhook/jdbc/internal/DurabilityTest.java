package dev.qhook.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What each {@link Durability} asks of the database, read back from inside the transaction. */
class DurabilityTest {
  private static final int NORMAL = 1;
  private static final int FULL = 2;

  @TempDir Path dir;

  @Test
  void sqliteFlushesDurableCommitsAndDefersTheOthers() {
    try (Database db = SqliteDatabase.open(dir.resolve("q.db"), 1)) {
      int plain = db.write("probe", DurabilityTest::sqliteSynchronous);
      int durable = db.write("probe", Durability.ON_COMMIT, DurabilityTest::sqliteSynchronous);
      int deferred = db.write("probe", Durability.DEFERRED, DurabilityTest::sqliteSynchronous);
      int after = db.write("probe", DurabilityTest::sqliteSynchronous);

      assertThat(List.of(plain, durable, deferred, after))
          .containsExactly(FULL, FULL, NORMAL, FULL);
    }
  }

  @Test
  void sqliteDeferredCommitsAreVisibleToTheDurableWriterAndReaders() {
    try (Database db = SqliteDatabase.open(dir.resolve("q.db"), 1)) {
      db.write("create", h -> h.execute("CREATE TABLE t (v INTEGER)"));
      db.write("insert", Durability.DEFERRED, h -> h.execute("INSERT INTO t VALUES (1)"));
      db.write("insert", h -> h.execute("INSERT INTO t VALUES (2)"));

      int sum = db.read("sum", h -> h.createQuery("SELECT SUM(v) FROM t").mapTo(int.class).one());

      assertThat(sum).isEqualTo(3);
    }
  }

  @Test
  void postgresTurnsSynchronousCommitOffForDeferredTransactionsOnly() {
    String url = System.getenv("QHOOK_TEST_POSTGRES_URL");
    assumeTrue(url != null, "QHOOK_TEST_POSTGRES_URL is not set");
    try (Database db = PostgresDatabase.open(url, new Properties(), 2)) {
      String plain = db.write("probe", DurabilityTest::setting);
      String deferred = db.write("probe", Durability.DEFERRED, DurabilityTest::setting);
      String after = db.write("probe", DurabilityTest::setting);

      assertThat(List.of(plain, deferred, after)).containsExactly("on", "off", "on");
    }
  }

  private static int sqliteSynchronous(Handle h) {
    return h.createQuery("PRAGMA synchronous").mapTo(int.class).one();
  }

  private static String setting(Handle h) {
    return h.createQuery("SHOW synchronous_commit").mapTo(String.class).one();
  }
}
