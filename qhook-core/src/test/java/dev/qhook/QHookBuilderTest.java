package dev.qhook;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qhook.config.ConfigException;
import dev.qhook.config.QHookConfig;
import dev.qhook.config.QueueConfig;
import dev.qhook.config.RetryPolicy;
import dev.qhook.memory.InMemoryStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An engine refuses a config it cannot run, however the config was made. */
class QHookBuilderTest {

  @Test
  void aConfigMadeWithTheRecordConstructorsIsValidatedAtBuild() {
    QHookConfig loaded = QHookConfig.fromYaml("sources: { app: { type: event } }");
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

    assertThatThrownBy(() -> QHook.builder().config(withQueue).store(new InMemoryStore()).build())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("queues.jobs: pull queues are not supported yet");
  }
}
