package dev.qhook.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {
  @TempDir Path dir;

  @Test
  void writesTheBaseConfigAndTheLocalOverlay() throws IOException {
    CliRun run = CliRun.run(dir, Map.of(), "init");

    assertThat(run.status).isZero();
    String config = Files.readString(dir.resolve("qhook.yaml"));
    assertThat(config)
        .contains("driver: sqlite")
        .contains("port: 8888")
        .contains("timeout: 30s")
        .contains("default_retry:")
        .contains("  app:\n    type: event");
    assertThat(Files.readString(dir.resolve("qhook.local.yaml")))
        .contains("allow_private_urls: true");
    assertThat(run.out).contains("wrote").contains("qhook.local.yaml");
  }

  @Test
  void refusesToOverwriteAnExistingConfig() throws IOException {
    Files.writeString(dir.resolve("qhook.yaml"), "mine", StandardCharsets.UTF_8);

    CliRun run = CliRun.run(dir, Map.of(), "init");

    assertThat(run.status).isEqualTo(1);
    assertThat(run.err).contains("qhook.yaml already exists; not overwriting it");
    assertThat(Files.readString(dir.resolve("qhook.yaml"))).isEqualTo("mine");
  }

  @Test
  void keepsAnExistingLocalOverlay() throws IOException {
    Files.writeString(dir.resolve("qhook.local.yaml"), "# mine\n", StandardCharsets.UTF_8);

    assertThat(CliRun.run(dir, Map.of(), "init").status).isZero();

    assertThat(Files.readString(dir.resolve("qhook.local.yaml"))).isEqualTo("# mine\n");
  }

  @Test
  void templateAddsItsSource() throws IOException {
    assertThat(CliRun.run(dir, Map.of(), "init", "-t", "github").status).isZero();

    assertThat(Files.readString(dir.resolve("qhook.yaml")))
        .contains("  github:\n    type: webhook")
        .contains("verify: github")
        .contains("${GITHUB_WEBHOOK_SECRET}");
  }

  @Test
  void unknownTemplateIsAUsageError() {
    CliRun run = CliRun.run(dir, Map.of(), "init", "-t", "gitlab");

    assertThat(run.status).isEqualTo(2);
    assertThat(run.err).contains("unknown template 'gitlab'");
    assertThat(dir.resolve("qhook.yaml")).doesNotExist();
  }

  @Test
  void cronTemplateAddsANightlySourceThatValidates() {
    assertThat(CliRun.run(dir, Map.of(), "init", "-t", "cron").status).isZero();

    assertThat(dir.resolve("qhook.yaml")).content().contains("type: cron");
    CliRun validate = CliRun.run(dir, Map.of(), "validate");
    assertThat(validate.status).as(validate.err).isZero();
  }

  @Test
  void noTemplateWritesARefusedSection() {
    for (InitTemplates.Template template : InitTemplates.Template.values()) {
      assertThat(InitTemplates.base(template))
          .doesNotContain("type: outbound")
          .doesNotContain("queues:")
          .doesNotContain("workflows:")
          .doesNotContain("mysql");
    }
  }

  @Test
  void writesWhereConfigPointsRelativeToTheWorkingDirectory() {
    assertThat(CliRun.run(dir, Map.of(), "init", "-c", "conf/gw.yaml").status).isZero();

    assertThat(dir.resolve("conf/gw.yaml")).exists();
    assertThat(dir.resolve("conf/gw.local.yaml")).exists();
  }
}
