package dev.qhook.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of the results table: scenario | store | accepted | delivered | lost | duplicates | 5xx |
 * checks | notes. Stored as one tab-separated line per row in the run's {@code results.tsv}.
 */
record ResultRow(
    String scenario,
    String store,
    String accepted,
    String delivered,
    String lost,
    String duplicates,
    String fivexx,
    boolean passed,
    String notes) {

  static final String HEADER =
      "| scenario | store | accepted | delivered | lost | duplicates | 5xx | checks | notes |\n"
          + "|---|---|---:|---:|---:|---:|---:|---|---|\n";

  String tsv() {
    return String.join(
        "\t",
        clean(scenario),
        clean(store),
        clean(accepted),
        clean(delivered),
        clean(lost),
        clean(duplicates),
        clean(fivexx),
        passed ? "ok" : "FAILED",
        clean(notes));
  }

  static ResultRow parse(String line) {
    String[] f = line.split("\t", -1);
    if (f.length != 9) {
      throw new IllegalArgumentException("not a result row: " + line);
    }
    return new ResultRow(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7].equals("ok"), f[8]);
  }

  String markdown() {
    return "| "
        + String.join(
            " | ",
            scenario,
            store,
            accepted,
            delivered,
            lost,
            duplicates,
            fivexx,
            passed ? "ok" : "**FAILED**",
            notes.replace("|", "\\|"))
        + " |";
  }

  static void append(Path file, ResultRow row) throws IOException {
    Files.writeString(
        file,
        row.tsv() + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  static List<ResultRow> read(Path file) throws IOException {
    List<ResultRow> rows = new ArrayList<>();
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          rows.add(parse(line));
        }
      }
    }
    return rows;
  }

  static String table(List<ResultRow> rows) {
    StringBuilder text = new StringBuilder(HEADER);
    rows.forEach(r -> text.append(r.markdown()).append('\n'));
    return text.toString();
  }

  private static String clean(String value) {
    return value.replaceAll("[\\t\\r\\n]", " ");
  }
}
