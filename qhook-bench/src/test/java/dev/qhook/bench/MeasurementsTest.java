package dev.qhook.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MeasurementsTest {
  @Test
  void aKeyMeasuredOnceReadsAsItsValue() {
    assertThat(Measurements.parse("ingest.bare.rps\t68786.500\n"))
        .containsExactly(Map.entry("ingest.bare.rps", 68786.5));
  }

  @Test
  void aRepeatedKeyReadsAsTheMedianOfItsValues() {
    String text =
        String.join(
            "\n",
            "push.sqlite.rate\t21000",
            "push.dbscheduler.rate\t14000",
            "push.sqlite.rate\t17000",
            "push.dbscheduler.rate\t11000",
            "push.sqlite.rate\t19000",
            "push.postgres.rate\t12000",
            "push.postgres.rate\t13000");

    assertThat(Measurements.parse(text))
        .containsEntry("push.sqlite.rate", 19000.0)
        .containsEntry("push.dbscheduler.rate", 12500.0)
        .containsEntry("push.postgres.rate", 12500.0);
  }

  @Test
  void commentsAndBlankLinesAreSkippedAndKeysKeepTheirFirstOrder() {
    assertThat(Measurements.parse("# run\na\t1.5\nb 2\na\t3\n\n"))
        .containsExactly(Map.entry("a", 2.25), Map.entry("b", 2.0));
  }

  @Test
  void aMalformedLineIsRefused() {
    assertThatThrownBy(() -> Measurements.parse("push.sqlite.rate 1 2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad measurement line");
  }
}
