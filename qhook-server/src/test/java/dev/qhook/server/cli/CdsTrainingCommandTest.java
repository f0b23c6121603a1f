package dev.qhook.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CdsTrainingCommandTest {
  @TempDir Path dir;

  @Test
  void runsAStartIngestDeliverStopCycleAndCleansUp() throws IOException {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    long before = trainingDirs(tmp);

    CliRun run = CliRun.run(dir, Map.of(), "cds-training");

    assertThat(run.status).as(run.err).isZero();
    assertThat(trainingDirs(tmp)).isEqualTo(before);
  }

  @Test
  void isHiddenFromHelp() {
    CliRun run = CliRun.run(dir, Map.of(), "--help");

    assertThat(run.out).contains("start").doesNotContain("cds-training");
  }

  private static long trainingDirs(Path tmp) throws IOException {
    try (Stream<Path> entries = Files.list(tmp)) {
      return entries
          .filter(p -> p.getFileName().toString().startsWith("qhook-cds-training"))
          .count();
    }
  }
}
