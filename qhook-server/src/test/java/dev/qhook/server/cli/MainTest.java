package dev.qhook.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
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
  void helpListsEveryCommandAndEachDataCommandItsSubcommands() {
    CliRun run = CliRun.run(dir, Map.of(), "--help");

    assertThat(run.status).isZero();
    for (String command :
        List.of(
            "start",
            "validate",
            "init",
            "send",
            "doctor",
            "events",
            "jobs",
            "inspect",
            "status",
            "tail",
            "export",
            "replay-local",
            "queues",
            "workflow-runs",
            "completion")) {
      assertThat(run.out).containsPattern("(?m)^\\s+" + command + "\\s");
    }
    assertThat(run.out).doesNotContain("cds-training");
    assertThat(CliRun.run(dir, Map.of(), "events", "--help").out)
        .containsPattern("list\\s")
        .containsPattern("replay\\s");
    assertThat(CliRun.run(dir, Map.of(), "jobs", "--help").out)
        .containsPattern("list\\s")
        .containsPattern("retry\\s");
  }

  @Test
  void aCommandGivenAnArgumentItDoesNotTakeIsAUsageError() {
    assertThat(CliRun.run(dir, Map.of(), "status", "extra").status).isEqualTo(2);
    assertThat(CliRun.run(dir, Map.of(), "events", "replay", "--limit", "x").status).isEqualTo(2);
    assertThat(CliRun.run(dir, Map.of(), "workflow-runs", "cancel").status).isEqualTo(2);
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
