package dev.qhook.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.config.QHookConfig;
import dev.qhook.config.QueueConfig;
import dev.qhook.config.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DryRunTest {
  @Test
  void listsOnlyHandlersBecauseOnlyHandlersRun() {
    QHookConfig loaded =
        QHookConfig.fromYaml(
            """
            sources: { app: { type: event } }
            handlers:
              orders: { source: app, url: "https://o.example.com/", events: ["order.*"] }
              other: { source: app, url: "https://x.example.com/", events: [refund] }
            """);
    QHookConfig withQueue =
        new QHookConfig(
            loaded.database(),
            loaded.server(),
            loaded.api(),
            loaded.delivery(),
            loaded.worker(),
            loaded.retention(),
            loaded.sources(),
            loaded.handlers(),
            Map.of(
                "jobs",
                new QueueConfig(
                    "jobs",
                    "app",
                    List.of(),
                    null,
                    null,
                    null,
                    Duration.ofSeconds(30),
                    5,
                    RetryPolicy.DEFAULT,
                    null)),
            Map.of(),
            null);

    assertThat(
            DryRun.matches(
                withQueue,
                "app",
                "order.created",
                "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .containsExactly("handler orders -> POST https://o.example.com/");
  }
}
