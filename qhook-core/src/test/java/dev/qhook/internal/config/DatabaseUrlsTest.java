package dev.qhook.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.config.DatabaseDriver;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DatabaseUrlsTest {
  private static final Path DIR = Path.of("/srv/app");

  @Test
  void sqliteFileIsResolvedAgainstTheDirectory() {
    assertThat(DatabaseUrls.toJdbc("sqlite:qhook.db", DIR))
        .isEqualTo("jdbc:sqlite:/srv/app/qhook.db");
    assertThat(DatabaseUrls.toJdbc("sqlite://data/q.db?mode=rwc", DIR))
        .isEqualTo("jdbc:sqlite:/srv/app/data/q.db");
    assertThat(DatabaseUrls.toJdbc("sqlite:/var/q.db", DIR)).isEqualTo("jdbc:sqlite:/var/q.db");
    assertThat(DatabaseUrls.toJdbc("sqlite::memory:", DIR)).isEqualTo("jdbc:sqlite::memory:");
  }

  @Test
  void networkUrlsMoveCredentialsToParameters() {
    assertThat(DatabaseUrls.toJdbc("postgres://qh:p%40ss@db:5432/qhook?sslmode=require", DIR))
        .isEqualTo("jdbc:postgresql://db:5432/qhook?sslmode=require&user=qh&password=p%40ss");
    assertThat(DatabaseUrls.toJdbc("mariadb://u@db/q", DIR))
        .isEqualTo("jdbc:mariadb://db/q?user=u");
    assertThat(DatabaseUrls.toJdbc("jdbc:h2:mem:x", DIR)).isEqualTo("jdbc:h2:mem:x");
  }

  @Test
  void driverIsImpliedByTheUrl() {
    assertThat(DatabaseUrls.driverOf("postgresql://h/db")).contains(DatabaseDriver.POSTGRES);
    assertThat(DatabaseUrls.driverOf("mysql://h/db")).contains(DatabaseDriver.MYSQL);
    assertThat(DatabaseUrls.driverOf("sqlite:x.db")).contains(DatabaseDriver.SQLITE);
    assertThat(DatabaseUrls.driverOf("jdbc:h2:mem:x")).isEmpty();
  }

  @Test
  void passwordsAreRedacted() {
    assertThat(DatabaseUrls.redact("postgres://qh:secret@db/q"))
        .isEqualTo("postgres://qh:***@db/q");
    assertThat(DatabaseUrls.redact("jdbc:postgresql://db/q?user=a&password=secret&x=1"))
        .isEqualTo("jdbc:postgresql://db/q?user=a&password=***&x=1");
  }
}
