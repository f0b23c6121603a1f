package dev.qhook;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qhook.config.ConfigException;
import dev.qhook.config.QHookConfig;
import dev.qhook.config.SourceConfig;
import dev.qhook.config.SourceType;
import dev.qhook.memory.InMemoryStore;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An engine refuses a config it cannot run, however the config was made. */
class QHookBuilderTest {

  @Test
  void aConfigMadeWithTheRecordConstructorsIsValidatedAtBuild() {
    QHookConfig loaded = QHookConfig.fromYaml("sources: { app: { type: event } }");
    QHookConfig cronWithoutSchedule =
        new QHookConfig(
            loaded.database(),
            loaded.server(),
            loaded.api(),
            loaded.delivery(),
            loaded.worker(),
            loaded.retention(),
            Map.of("nightly", SourceConfig.of("nightly", SourceType.CRON)),
            loaded.handlers(),
            Map.of(),
            Map.of(),
            null);

    assertThatThrownBy(
            () -> QHook.builder().config(cronWithoutSchedule).store(new InMemoryStore()).build())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("sources.nightly.schedule: required");
  }
}
