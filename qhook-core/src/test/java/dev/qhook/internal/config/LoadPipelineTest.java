package dev.qhook.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qhook.config.ConfigException;
import dev.qhook.config.LoadedConfig;
import dev.qhook.config.QHookConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loading pipeline (docs/reference/configuration.md, "Loading order"): .env file, overlay,
 * expansion, file problems.
 */
class LoadPipelineTest {
  @TempDir Path dir;

  @Test
  void emptyFileGivesTheDefaults() throws IOException {
    Path file = write("qhook.yaml", "");

    BoundConfig config = LoadPipeline.load(file, null, Map.of(), dir).config();

    assertThat(config.server().port()).isEqualTo(8888);
    assertThat(config.delivery().timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.sources()).isEmpty();
    assertThat(config.alerts()).isNull();
  }

  @Test
  void defaultSqliteFileLivesInTheWorkingDirectory() throws IOException {
    BoundConfig config = LoadPipeline.load(write("qhook.yaml", ""), null, Map.of(), dir).config();

    assertThat(config.database().url()).isEqualTo("sqlite:" + dir.resolve("qhook.db"));
    assertThat(config.database().jdbcUrl()).isEqualTo("jdbc:sqlite:" + dir.resolve("qhook.db"));
  }

  @Test
  void overlayBesideTheBaseMergesMappingsAndReplacesLists() throws IOException {
    Path base =
        write(
            "qhook.yaml",
            """
            server: { port: 9000, host: 127.0.0.1 }
            sources:
              app: { type: event }
            handlers:
              h: { source: app, url: 'https://prod/x', events: [a, b] }
            """);
    write(
        "qhook.local.yaml",
        """
        server: { allow_private_urls: true }
        handlers:
          h: { url: 'http://localhost:3000/x', events: [c] }
        """);

    BoundConfig config = LoadPipeline.load(base, "local", Map.of(), dir).config();

    assertThat(config.server().port()).isEqualTo(9000);
    assertThat(config.server().allowPrivateUrls()).isTrue();
    assertThat(config.handlers().get("h").url()).isEqualTo("http://localhost:3000/x");
    assertThat(config.handlers().get("h").events()).containsExactly("c");
  }

  @Test
  void missingOverlayIsFine() throws IOException {
    Path base = write("qhook.yaml", "server: { port: 9000 }");

    assertThat(LoadPipeline.load(base, "prod", Map.of(), dir).config().server().port())
        .isEqualTo(9000);
  }

  @Test
  void dotEnvFileAddsVariablesThatAreNotAlreadySet() throws IOException {
    Path base = write("qhook.yaml", "api: { auth_token: '${TOKEN}', metrics_auth_token: '${M}' }");
    write(".env.dev", "# comment\n\nTOKEN='from-file'\nM=\"file-m\"\n");

    BoundConfig config = LoadPipeline.load(base, "dev", Map.of("M", "from-env"), dir).config();

    assertThat(config.api().authToken()).isEqualTo("from-file");
    assertThat(config.api().metricsAuthToken()).isEqualTo("from-env");
  }

  @Test
  void wholeReferenceMayFillNumbersAndBooleans() {
    LoadedConfig loaded =
        Yaml.loadWithEnv(
            """
            server:
              port: '${PORT}'
              trust_proxy: '${TRUST:-true}'
              max_inbound: ${N:-7}
            """,
            Map.of("PORT", "9001"));

    assertThat(loaded.config().server().port()).isEqualTo(9001);
    assertThat(loaded.config().server().trustProxy()).isTrue();
    assertThat(loaded.config().server().maxInbound()).isEqualTo(7);
  }

  @Test
  void quotedNumberIsNotANumber() {
    assertThat(Yaml.errors("server: { port: '8080' }"))
        .containsExactly("server.port: expected an integer, was '8080'");
  }

  @Test
  void unsetVariableBecomesEmptyWithAWarningNamingThePath() {
    LoadedConfig loaded =
        Yaml.loadWithEnv("server: { public_url: 'https://x${SUFFIX}.example.com' }", Map.of());

    assertThat(loaded.config().server().publicUrl()).isEqualTo("https://x.example.com");
    assertThat(loaded.warnings())
        .contains("server.public_url: variable 'SUFFIX' is not set and has no default");
  }

  @Test
  void unsetSecretLeadsToARequiredError() {
    assertThat(Yaml.errors("sources:\n  s: { type: webhook, verify: stripe, secret: '${NOPE}' }"))
        .containsExactlyInAnyOrder(
            "sources.s.secret: variable 'NOPE' is not set: a secret must not expand to empty"
                + " (write ${NOPE:-} to allow an empty value)",
            "sources.s.secret: required when 'verify' is set");
  }

  /** Issue 10 item 5: an unset token used to leave the API open with only a warning. */
  @Test
  void anUnsetVariableForATokenIsAnErrorNamingThePath() {
    assertThat(
            Yaml.errorsWithEnv(
                "api: { auth_token: '${QHOOK_API_TOKEN}', metrics_auth_token: 'm-${METRICS}' }",
                Map.of()))
        .containsExactlyInAnyOrder(
            "api.auth_token: variable 'QHOOK_API_TOKEN' is not set: a secret must not expand to"
                + " empty (write ${QHOOK_API_TOKEN:-} to allow an empty value)");
  }

  @Test
  void aSecretVariableSetToTheEmptyStringIsAnErrorToo() {
    assertThat(
            Yaml.errorsWithEnv(
                "api: { metrics_auth_token: '${M}' }\ndelivery: { signing_secret: '${S}${T}' }",
                Map.of("M", "", "S", "")))
        .containsExactlyInAnyOrder(
            "api.metrics_auth_token: variable 'M' is empty: a secret must not expand to empty"
                + " (write ${M:-} to allow an empty value)",
            "delivery.signing_secret: variable 'S' is empty: a secret must not expand to empty"
                + " (write ${S:-} to allow an empty value)");
  }

  @Test
  void everySecretKeyIsChecked() {
    assertThat(
            Yaml.bindingErrorsWithEnv(
                """
                sources:
                  gh: { type: webhook, verify: github, secret: ['${NEW}', '${OLD}'] }
                queues:
                  q: { source: gh, api_key: '${QUEUE_KEY}' }
                handlers:
                  h: { source: gh, url: 'https://h.example/x', headers: { X-Token: '${NOT_A_SECRET}' } }
                """,
                Map.of("NEW", "n")))
        .containsExactlyInAnyOrder(
            "sources.gh.secret[1]: variable 'OLD' is not set: a secret must not expand to empty"
                + " (write ${OLD:-} to allow an empty value)",
            "sources.gh.secret[1]: must not be empty",
            "queues.q.api_key: variable 'QUEUE_KEY' is not set: a secret must not expand to empty"
                + " (write ${QUEUE_KEY:-} to allow an empty value)");
  }

  @Test
  void anExplicitEmptyDefaultLeavesATokenUnset() {
    LoadedConfig loaded =
        Yaml.loadWithEnv(
            "server: { host: 127.0.0.1 }\napi: { auth_token: '${QHOOK_API_TOKEN:-}' }", Map.of());

    assertThat(loaded.config().api().authToken()).isNull();
    assertThat(loaded.warnings())
        .containsExactly(
            "api.auth_token is not set: /events and /api accept unauthenticated calls");
  }

  @Test
  void keysAreNotExpanded() {
    QHookConfig config =
        Yaml.loadWithEnv(
                """
                sources:
                  app: { type: event }
                handlers:
                  h:
                    source: app
                    url: 'https://h/x'
                    headers: { '${K}': '${V}' }
                """,
                Map.of("K", "key", "V", "value"))
            .config();

    assertThat(config.handlers().get("h").headers()).containsEntry("${K}", "value");
  }

  @Test
  void missingFileIsAConfigProblem() {
    Path missing = dir.resolve("nope.yaml");

    assertThatThrownBy(() -> LoadPipeline.load(missing, null, Map.of(), dir))
        .isInstanceOf(ConfigException.class)
        .hasMessage(missing + ": config file not found");
  }

  @Test
  void overlayPathKeepsDirectoryAndExtension() {
    assertThat(LoadPipeline.overlayPath(Path.of("conf/qhook.yaml"), "local"))
        .isEqualTo(Path.of("conf/qhook.local.yaml"));
    assertThat(LoadPipeline.overlayPath(Path.of("app.yml"), "prod"))
        .isEqualTo(Path.of("app.prod.yml"));
  }

  @Test
  void warningsCoverOpenApiPrivateUrlsAndOpenQueues() {
    BoundConfig config =
        Yaml.bind(
            """
            server: { allow_private_urls: true }
            sources:
              app: { type: event }
            queues:
              jobs: { source: app }
            """);

    assertThat(Warnings.of(config))
        .anyMatch(w -> w.startsWith("WARNING: api.auth_token is not set"))
        .anyMatch(w -> w.startsWith("server.allow_private_urls is true"))
        .anyMatch(w -> w.startsWith("queues.jobs: no api_key and no api.auth_token"));
  }

  @Test
  void aPrivateAlertUrlIsWarnedAboutUnlessPrivateUrlsAreAllowed() {
    String yaml =
        """
        server: { allow_private_urls: %s }
        sources: { app: { type: event } }
        alerts: { url: "%s" }
        """;
    assertThat(Warnings.of(Yaml.bind(yaml.formatted(false, "http://10.1.2.3:9093/alerts"))))
        .anyMatch(w -> w.startsWith("alerts.url: 10.1.2.3 is a private or loopback address"));
    assertThat(Warnings.of(Yaml.bind(yaml.formatted(false, "http://localhost/alerts"))))
        .anyMatch(w -> w.startsWith("alerts.url: localhost is a private"));
    assertThat(Warnings.of(Yaml.bind(yaml.formatted(false, "https://hooks.slack.com/x"))))
        .noneMatch(w -> w.startsWith("alerts.url"));
    assertThat(Warnings.of(Yaml.bind(yaml.formatted(true, "http://10.1.2.3/alerts"))))
        .noneMatch(w -> w.startsWith("alerts.url"));
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }
}
