package dev.qhook.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.Alert;
import dev.qhook.QHook;
import dev.qhook.config.AlertKind;
import dev.qhook.config.QHookConfig;
import dev.qhook.memory.InMemoryStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigReloadTest {
  private static final String VALID =
      """
      sources: { app: { type: event } }
      alerts: { url: "https://alerts.example.com/qhook", on: [custom] }
      """;

  @TempDir Path dir;

  /** Issue 10 item 9: an invalid file on SIGHUP was only logged. */
  @Test
  void anInvalidFileRaisesACustomAlertThroughTheEngine() throws IOException {
    Path file = dir.resolve("qhook.yaml");
    List<Alert> alerts = new CopyOnWriteArrayList<>();
    QHookConfig running = QHookConfig.fromYaml(VALID);
    try (QHook engine =
        QHook.builder().config(running).store(new InMemoryStore()).alertSink(alerts::add).build()) {
      Files.writeString(
          file,
          VALID + "handlers:\n  h: { source: nope, url: 'https://ops:hunter2@h.example.com/x' }\n");

      new ConfigReload(context(), file, null, running, engine::raiseAlert).run();

      assertThat(alerts)
          .singleElement()
          .satisfies(
              alert -> {
                assertThat(alert.kind()).isEqualTo(AlertKind.CUSTOM);
                assertThat(alert.message())
                    .startsWith("config reload failed: " + file + " is invalid (1 problem)")
                    .contains("handlers.h.source: unknown source 'nope'")
                    .contains("the running config stays")
                    .doesNotContain("hunter2");
              });
    }
  }

  @Test
  void aValidFileRaisesNoAlert() throws IOException {
    Path file = Files.writeString(dir.resolve("qhook.yaml"), VALID);
    List<Alert> alerts = new CopyOnWriteArrayList<>();

    new ConfigReload(context(), file, null, QHookConfig.fromYaml(VALID), alerts::add).run();

    assertThat(alerts).isEmpty();
  }

  @Test
  void aMissingFileRaisesAnAlertToo() {
    List<Alert> alerts = new CopyOnWriteArrayList<>();

    new ConfigReload(
            context(), dir.resolve("gone.yaml"), null, QHookConfig.fromYaml(VALID), alerts::add)
        .run();

    assertThat(alerts)
        .singleElement()
        .extracting(Alert::message)
        .asString()
        .contains("gone.yaml: config file not found");
  }

  private CliContext context() {
    PrintWriter sink = new PrintWriter(new StringWriter(), true);
    return new CliContext(dir, Map.of(), sink, sink, StopSignal.manual());
  }

  @Test
  void reportsAddedAndRemovedConsumersUrlChangesAndRestartOnlySettings() {
    QHookConfig before =
        QHookConfig.fromYaml(
            """
            server: { port: 8888 }
            sources: { app: { type: event } }
            handlers:
              a: { source: app, url: "https://a.example.com/" }
              b: { source: app, url: "https://b.example.com/" }
            """);
    QHookConfig after =
        QHookConfig.fromYaml(
            """
            server: { port: 9999 }
            sources: { app: { type: event }, hooks: { type: webhook } }
            handlers:
              a: { source: app, url: "https://a2.example.com/" }
              c: { source: app, url: "https://c.example.com/" }
            """);

    assertThat(ConfigReload.differences(before, after))
        .containsExactly(
            "source hooks added",
            "handler c added",
            "handler b removed",
            "handler a URL changed",
            "warning: server.host or server.port changed");
    assertThat(ConfigReload.differences(before, before)).isEmpty();
  }
}
