package dev.qhook.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public loader: environment name, variables, working directory, warnings. */
class ConfigLoaderTest {
  @TempDir Path dir;

  @Test
  void environmentNameFallsBackToQhookEnv() throws IOException {
    Path base = write("qhook.yaml", "server: { port: 9000 }");
    write("qhook.staging.yaml", "server: { port: 9100 }");

    LoadedConfig loaded = loader().environment(Map.of("QHOOK_ENV", "staging")).build().load(base);

    assertThat(loaded.config().server().port()).isEqualTo(9100);
  }

  @Test
  void givenEnvironmentNameWinsOverQhookEnv() throws IOException {
    Path base = write("qhook.yaml", "server: { port: 9000 }");
    write("qhook.staging.yaml", "server: { port: 9100 }");
    write("qhook.local.yaml", "server: { port: 9200 }");

    LoadedConfig loaded =
        loader().envName("local").environment(Map.of("QHOOK_ENV", "staging")).build().load(base);

    assertThat(loaded.config().server().port()).isEqualTo(9200);
  }

  @Test
  void dotEnvFileAndSqliteFileAreFoundInTheWorkingDirectory() throws IOException {
    Path base = write("qhook.yaml", "api: { auth_token: '${TOKEN}' }");
    write(".env.dev", "TOKEN=from-file\n");

    QHookConfig config = loader().envName("dev").build().load(base).config();

    assertThat(config.api().authToken()).isEqualTo("from-file");
    assertThat(config.database().url()).isEqualTo("sqlite:" + dir.resolve("qhook.db"));
  }

  @Test
  void warningsListUnsetVariablesThenTheConfigsOwn() throws IOException {
    Path base =
        write("qhook.yaml", "server: { host: 127.0.0.1, public_url: 'https://x${S}.example.com' }");

    LoadedConfig loaded = loader().build().load(base);

    assertThat(loaded.warnings())
        .containsExactly(
            "server.public_url: variable 'S' is not set and has no default",
            "api.auth_token is not set: /events and /api accept unauthenticated calls");
    assertThat(loaded.config().warnings())
        .containsExactly(
            "api.auth_token is not set: /events and /api accept unauthenticated calls");
  }

  @Test
  void fromYamlExpandsTheGivenEnvironment() {
    LoadedConfig loaded =
        loader()
            .environment(Map.of("PORT", "9001"))
            .build()
            .fromYaml("server: { port: '${PORT}' }");

    assertThat(loaded.config().server().port()).isEqualTo(9001);
  }

  @Test
  void unsupportedSectionsAreRefused() throws IOException {
    Path base =
        write(
            "qhook.yaml",
            "sources:\n  app: { type: event }\nworkflows:\n  deploy: { source: app, steps: [{"
                + " name: a, url: 'https://a.example.com/x' }] }\n");

    assertThatThrownBy(() -> loader().build().load(base))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "workflows.deploy: workflows are not supported yet (this version delivers to handlers"
                + " and pull queues only)");
  }

  private ConfigLoader.Builder loader() {
    return ConfigLoader.builder().environment(Map.of()).workingDirectory(dir);
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }
}
