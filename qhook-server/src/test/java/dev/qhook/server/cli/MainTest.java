package dev.qhook.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  @TempDir Path dir;

  @Test
  void unknownCommandIsAUsageErrorWithExitStatus2() {
    CliRun run = CliRun.run(dir, Map.of(), "frobnicate");

    assertThat(run.status).isEqualTo(2);
    assertThat(run.err).contains("Unmatched argument at index 0: 'frobnicate'");
  }

  @Test
  void sendWithoutRequiredOptionsIsAUsageError() {
    CliRun run = CliRun.run(dir, Map.of(), "send");

    assertThat(run.status).isEqualTo(2);
    assertThat(run.err).contains("--source").contains("--type");
  }

  @Test
  void versionNamesQhook() {
    CliRun run = CliRun.run(dir, Map.of(), "--version");

    assertThat(run.status).isZero();
    assertThat(run.out).startsWith("qhook ");
  }

  @Test
  void configPathComesFromTheFlagThenQhookConfigThenTheDefault() {
    ConfigOptions options = new ConfigOptions();
    CliContext plain = context(Map.of());
    CliContext withEnv = context(Map.of("QHOOK_CONFIG", "from-env.yaml"));

    assertThat(options.file(plain, null)).isEqualTo(dir.resolve("qhook.yaml"));
    assertThat(options.file(withEnv, null)).isEqualTo(dir.resolve("from-env.yaml"));
    options.config = Path.of("flag.yaml");
    assertThat(options.file(withEnv, null)).isEqualTo(dir.resolve("flag.yaml"));
    ConfigOptions child = new ConfigOptions();
    assertThat(child.file(withEnv, options)).isEqualTo(dir.resolve("flag.yaml"));
  }

  private CliContext context(Map<String, String> env) {
    java.io.PrintWriter sink = new java.io.PrintWriter(java.io.Writer.nullWriter());
    return new CliContext(dir, env, sink, sink, StopSignal.manual());
  }
}
