package dev.qhook.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultRowTest {
  @Test
  void rowsSurviveTheFileAndRenderAsMarkdown(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("results.tsv");
    ResultRow.append(
        file, new ResultRow("kill -9", "sqlite", "10", "10", "0", "2", "0", true, "a | b\tc"));
    ResultRow.append(file, new ResultRow("fuzz", "postgres", "5", "4", "1", "0", "3", false, ""));

    List<ResultRow> rows = ResultRow.read(file);

    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).notes()).isEqualTo("a | b c");
    assertThat(ResultRow.table(rows))
        .contains("| kill -9 | sqlite | 10 | 10 | 0 | 2 | 0 | ok | a \\| b c |")
        .contains("| fuzz | postgres | 5 | 4 | 1 | 0 | 3 | **FAILED** |  |");
  }

  @Test
  void theGeneratedSectionIsReplacedAndTheRestKept() {
    String page = "# Title\n\n" + Report.BEGIN + "\nold\n" + Report.END + "\n\nafter\n";

    assertThat(Report.replaceGenerated(page, "new table"))
        .isEqualTo("# Title\n\n" + Report.BEGIN + "\nnew table\n" + Report.END + "\n\nafter\n");
    assertThatThrownBy(() -> Report.replaceGenerated("# no markers", "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
