package dev.qhook.bench;

import dev.qhook.jdbc.internal.DatabaseUrls;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Between the rounds of a push scenario: lets PostgreSQL's vacuum catch up, as its autovacuum does
 * on a server that has been up for a while, so that a measured round does not pay for the dead row
 * versions the previous rounds left (each round updates 100,000 rows in seconds, faster than
 * autovacuum's one-minute nap). Both qhook and the baseline get it. SQLite needs nothing: it
 * updates rows in place; nor does MySQL, whose InnoDB purges old row versions in the background.
 */
final class Settle {
  private Settle() {}

  /** After a round of qhook on {@code databaseUrl} (a qhook {@code database.url}). */
  static void afterRound(String databaseUrl) throws SQLException {
    if (databaseUrl.startsWith("sqlite:") || databaseUrl.startsWith("mysql:")) {
      return;
    }
    DatabaseUrls.Postgres target = DatabaseUrls.postgres(databaseUrl);
    vacuum(target.jdbcUrl(), target.properties());
  }

  /** After a round on the PostgreSQL database at {@code jdbcUrl}. */
  static void vacuum(String jdbcUrl, Properties properties) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl, properties);
        Statement s = c.createStatement()) {
      s.execute("VACUUM ANALYZE");
    }
  }
}
