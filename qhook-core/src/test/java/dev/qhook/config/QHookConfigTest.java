package dev.qhook.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public entry points of the config package. */
class QHookConfigTest {
  @TempDir Path dir;

  @Test
  void defaultsHaveNoSourcesAndTheDocumentedValues() {
    QHookConfig d = QHookConfig.defaults();

    assertThat(d.sources()).isEmpty();
    assertThat(d.database().url()).isEqualTo("sqlite:qhook.db");
    assertThat(d.database().jdbcUrl()).startsWith("jdbc:sqlite:/").endsWith("/qhook.db");
    assertThat(d.server().port()).isEqualTo(8888);
    assertThat(d.delivery().defaultRetry()).isEqualTo(RetryPolicy.DEFAULT);
    assertThat(d.alerts()).isNull();
  }

  @Test
  void fromYamlBindsAndValidates() {
    assertThat(QHookConfig.fromYaml("server: { port: 9999 }").server().port()).isEqualTo(9999);
    assertThatThrownBy(
            () ->
                QHookConfig.fromYaml(
                    "sources:\n  app: { type: event }\nhandlers:\n  orders: { source: app, url:"
                        + " 'https://x.example.com', retry: { intervall: 5s } }"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("handlers.orders.retry.intervall: unknown key (did you mean 'interval'?)");
  }

  @Test
  void loadReadsAFile() throws Exception {
    Path file = Files.writeString(dir.resolve("qhook.yaml"), "worker: { batch_size: 3 }");

    assertThat(QHookConfig.load(file).worker().batchSize()).isEqualTo(3);
  }

  @Test
  void exceptionListsEveryProblemOnItsOwnLine() {
    ConfigException e =
        new ConfigException(
            List.of(new ConfigProblem("a.b", "first"), new ConfigProblem("c[0]", "second")));

    assertThat(e.getMessage()).isEqualTo("a.b: first\nc[0]: second");
    assertThat(e.problems()).hasSize(2);
  }

  @Test
  void secretsStayOutOfToString() {
    assertThat(new ApiConfig("tok-123", null).toString()).doesNotContain("tok-123");
    assertThat(new DatabaseConfig(DatabaseDriver.POSTGRES, "postgres://u:pw1@h/d", 1).toString())
        .doesNotContain("pw1");
  }
}
