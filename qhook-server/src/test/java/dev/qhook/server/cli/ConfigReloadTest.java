package dev.qhook.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.config.QHookConfig;
import org.junit.jupiter.api.Test;

class ConfigReloadTest {

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
