package dev.qhook.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProducerStatsTest {
  @Test
  void a503WithRetryAfterIsBackPressureAnyOther5xxIsUnexpected(@TempDir Path dir) throws Exception {
    ProducerStats stats = new ProducerStats();
    stats.answer(202, false);
    stats.answer(503, true);
    stats.answer(503, true);
    stats.answer(503, false);
    stats.answer(500, false);
    stats.answer(429, true);
    stats.add("error.refused");
    stats.answer(502, false);
    stats.add(ProducerStats.EXPECTED_5XX);

    Path file = dir.resolve("stats.tsv");
    stats.write(file);
    ProducerStats read = ProducerStats.read(file);

    assertThat(read.all5xx()).isEqualTo(5);
    assertThat(read.unexpected5xx()).isEqualTo(3);
    assertThat(read.undocumented5xx()).isEqualTo(4);
    assertThat(read.get("status.202")).isEqualTo(1);
    assertThat(read.get("error.refused")).isEqualTo(1);
    assertThat(read.get("missing")).isZero();
  }
}
