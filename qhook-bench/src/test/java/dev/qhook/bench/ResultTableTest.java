package dev.qhook.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultTableTest {
  private static final List<ReportRow> ROWS =
      List.of(
          new ReportRow("ingest", "q.rps", "b.rps", new Target.RatioAtLeast(0.5)),
          new ReportRow("latency p99 ms", "q.p99", null, new Target.Below(20, "ms")),
          new ReportRow("rss", "q.rss", "b.rss", new Target.None()),
          new ReportRow("never measured", "q.absent", "b.rps", new Target.None()));

  @Test
  void ratioIsQhookOverBaselineAndJudgedAgainstTheTarget() {
    String table =
        ResultTable.render(
            ROWS, Map.of("q.rps", 13_000.0, "b.rps", 26_000.0, "q.p99", 25.5), false);

    assertThat(table.lines())
        .containsExactly(
            "| scenario | qhook | baseline | ratio | target | met? |",
            "|---|---:|---:|---:|---|---|",
            "| ingest | 13,000 | 26,000 | 0.50x | >= 0.5x | yes |",
            "| latency p99 ms | 25.50 | - | - | < 20 ms | NO |");
  }

  @Test
  void rowsWithoutABaselineValueShowNoRatio() {
    String table = ResultTable.render(ROWS, Map.of("q.rss", 96.0), false);

    assertThat(table).contains("| rss | 96 | - | - | - | - |");
  }

  /** The pull scenario's RabbitMQ rows come before its qhook side exists: no number is made up. */
  @Test
  void aRowMarkedBaselineAloneShowsTheBaselineWithQhookNotMeasured() {
    List<ReportRow> rows =
        List.of(
            new ReportRow("pull", "q.pull", "b.pull", new Target.RatioAtLeast(1.0), true),
            new ReportRow("pull, other", "q.other", "b.other", new Target.RatioAtLeast(1.0), true));

    String table = ResultTable.render(rows, Map.of("b.pull", 15_000.0), false);

    assertThat(table.lines())
        .containsExactly(
            "| scenario | qhook | baseline | ratio | target | met? |",
            "|---|---:|---:|---:|---|---|",
            "| pull | not measured | 15,000 | - | >= 1.0x | - |");
  }

  @Test
  void smokeRunsJudgeNothing() {
    String table =
        ResultTable.render(ROWS, Map.of("q.rps", 10.0, "b.rps", 100.0, "q.p99", 1.0), true);

    assertThat(table).contains("| 0.10x | >= 0.5x | (smoke) |").doesNotContain("| NO |");
  }

  @Test
  void missingRatioWhenBaselineIsZero() {
    assertThat(ResultTable.ratio(5, 0.0)).isNull();
    assertThat(ResultTable.ratio(5, null)).isNull();
    assertThat(ResultTable.ratio(3, 2.0)).isEqualTo(1.5);
  }

  @Test
  void numbersAreGroupedOrRoundedByMagnitude() {
    assertThat(ResultTable.number(25_312.4)).isEqualTo("25,312");
    assertThat(ResultTable.number(127.46)).isEqualTo("127.5");
    assertThat(ResultTable.number(0.456)).isEqualTo("0.46");
    assertThat(ResultTable.number(0)).isEqualTo("0");
    assertThat(ResultTable.number(128)).isEqualTo("128");
  }

  @Test
  void aNamedSectionIsReplacedAndTheFullRunsTableKept() {
    String begin = "<!-- BEGIN GENERATED steady by bench/run.sh steady: do not edit by hand -->";
    String end = "<!-- END GENERATED steady -->";
    String page =
        BenchmarksDoc.BEGIN
            + "\nfull table\n"
            + BenchmarksDoc.END
            + "\n## Steady\n"
            + begin
            + "\nold steady\n"
            + end
            + "\n";

    String updated = BenchmarksDoc.replaceGenerated(page, "steady", "new steady\n");

    assertThat(updated)
        .isEqualTo(
            BenchmarksDoc.BEGIN
                + "\nfull table\n"
                + BenchmarksDoc.END
                + "\n## Steady\n"
                + begin
                + "\nnew steady\n"
                + end
                + "\n");
  }

  @Test
  void generatedSectionIsReplacedAndTheRestKept() {
    String page =
        "# Benchmarks\nintro\n"
            + BenchmarksDoc.BEGIN
            + "\nold table\n"
            + BenchmarksDoc.END
            + "\nfindings\n";

    String updated = BenchmarksDoc.replaceGenerated(page, "new table\n");

    assertThat(updated)
        .isEqualTo(
            "# Benchmarks\nintro\n"
                + BenchmarksDoc.BEGIN
                + "\nnew table\n"
                + BenchmarksDoc.END
                + "\nfindings\n");
  }

  @Test
  void pageWithoutMarkersIsRefusedWithTheMarkersToAdd() {
    assertThatThrownBy(() -> BenchmarksDoc.replaceGenerated("# Benchmarks\n", "t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(BenchmarksDoc.BEGIN);
  }
}
