package dev.qhook.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Two stores on one MySQL or MariaDB database behave as two instances of one cluster; the named
 * locks that guard concurrency limits end with the claim's transaction.
 */
@EnabledIfEnvironmentVariable(named = MysqlTestDatabase.URL_VARIABLE, matches = ".+")
class MysqlClusterTest extends ClusterTest {
  private final MysqlTestDatabase database = new MysqlTestDatabase();

  @Override
  ServerDatabase database() {
    return database;
  }

  @Override
  String databaseName() {
    return "mysql";
  }

  @Test
  void theKeyLocksOfAClaimAreFreeOnceItCommits() throws SQLException {
    appendJobs("capped", 2);
    assertThat(first.claim(claim(Map.of("capped", 1)))).hasSize(1);

    try (Connection c = DriverManager.getConnection(database.url());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT IS_FREE_LOCK(SHA1('qhook.target.capped'))")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(1);
    }
    assertThat(second.claim(claim(Map.of("capped", 2)))).hasSize(1);
  }
}
