package dev.qhook.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DatabaseUrlsTest {

  @Test
  void sqliteUrlsNameTheirFile() {
    assertThat(DatabaseUrls.sqliteFile("sqlite:qhook.db")).isEqualTo(Path.of("qhook.db"));
    assertThat(DatabaseUrls.sqliteFile("sqlite:data/q.db?mode=rwc"))
        .isEqualTo(Path.of("data/q.db"));
    assertThat(DatabaseUrls.sqliteFile("sqlite:///var/lib/q.db"))
        .isEqualTo(Path.of("/var/lib/q.db"));
    assertThat(DatabaseUrls.sqliteFile("jdbc:sqlite:/tmp/q.db")).isEqualTo(Path.of("/tmp/q.db"));
    assertThat(DatabaseUrls.sqliteFile("plain.db")).isEqualTo(Path.of("plain.db"));
  }

  @Test
  void sqliteInMemoryIsRefused() {
    assertThatThrownBy(() -> DatabaseUrls.sqliteFile("sqlite::memory:"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a file");
  }

  @Test
  void postgresUrlsBecomeJdbcUrlsWithCredentialsAsProperties() {
    DatabaseUrls.Postgres pg =
        DatabaseUrls.postgres("postgres://qhook:s%40cret@db.local:5433/events?sslmode=require");

    assertThat(pg.jdbcUrl()).isEqualTo("jdbc:postgresql://db.local:5433/events?sslmode=require");
    assertThat(pg.properties()).containsEntry("user", "qhook").containsEntry("password", "s@cret");
  }

  @Test
  void postgresUrlsWithoutCredentialsOrInJdbcFormPassThrough() {
    assertThat(DatabaseUrls.postgres("postgresql://db/q").jdbcUrl())
        .isEqualTo("jdbc:postgresql://db/q");
    assertThat(DatabaseUrls.postgres("jdbc:postgresql://db/q?user=a").jdbcUrl())
        .isEqualTo("jdbc:postgresql://db/q?user=a");
  }

  @Test
  void mysqlAndMariadbUrlsBecomeMariadbJdbcUrlsWithCredentialsAsProperties() {
    DatabaseUrls.Mysql my = DatabaseUrls.mysql("mysql://qhook:s%40cret@db.local:3307/events?ssl=1");
    assertThat(my.jdbcUrl()).isEqualTo("jdbc:mariadb://db.local:3307/events?ssl=1");
    assertThat(my.properties()).containsEntry("user", "qhook").containsEntry("password", "s@cret");

    assertThat(DatabaseUrls.mysql("MariaDB://db/q").jdbcUrl()).isEqualTo("jdbc:mariadb://db/q");
    assertThat(DatabaseUrls.mysql("mariadb://db/q").properties()).isEmpty();
  }

  @Test
  void mysqlJdbcUrlsPassThroughForTheMariadbDriver() {
    assertThat(DatabaseUrls.mysql("jdbc:mysql://db:3306/q?user=a").jdbcUrl())
        .isEqualTo("jdbc:mariadb://db:3306/q?user=a");
    assertThat(DatabaseUrls.mysql("jdbc:mariadb://db/q?user=a").jdbcUrl())
        .isEqualTo("jdbc:mariadb://db/q?user=a");
  }

  @Test
  void malformedMysqlUrlsAreRefusedWithoutShowingThePassword() {
    assertThatThrownBy(() -> DatabaseUrls.mysql("postgres://u:topsecret@h/db"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mysql://user:pass@host:port/db")
        .hasMessageNotContaining("topsecret");
    assertThatThrownBy(() -> DatabaseUrls.mysql("mysql://u:topsecret@/db"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a host")
        .hasMessageNotContaining("topsecret");
  }

  @Test
  void otherUrlsAreRefusedWithoutShowingThePassword() {
    assertThatThrownBy(() -> DatabaseUrls.postgres("mysql://u:topsecret@h/db"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("postgres://")
        .hasMessageNotContaining("topsecret");
  }

  @Test
  void redactHidesPasswords() {
    assertThat(DatabaseUrls.redact("postgres://u:pw@h:5432/db"))
        .isEqualTo("postgres://u:***@h:5432/db");
    assertThat(DatabaseUrls.redact("jdbc:postgresql://h/db?user=u&password=pw&ssl=true"))
        .isEqualTo("jdbc:postgresql://h/db?user=u&password=***&ssl=true");
  }
}
