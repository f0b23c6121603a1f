package dev.qhook.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Prints the table of a run and, for a full run, rewrites the generated section of
 * docs/benchmarks.md with the machine facts and the table.
 *
 * <p>{@code Report --results run/measurements.tsv --machine run/machine.md [--doc
 * docs/benchmarks.md [--section steady]] [--smoke true]}
 */
public final class Report {
  private Report() {}

  public static void main(String[] argv) {
    Cli.run(
        "report",
        () -> {
          Args args = Args.parse(argv, "results", "machine", "doc", "section", "smoke");
          boolean smoke = Boolean.parseBoolean(args.get("smoke", "false"));
          Map<String, Double> values = Measurements.read(Path.of(args.get("results")));
          String table = ResultTable.render(ReportRow.all(), values, smoke);
          System.out.print(table);
          String doc = args.get("doc", "");
          if (!doc.isEmpty()) {
            String machine = Files.readString(Path.of(args.get("machine")), StandardCharsets.UTF_8);
            Path page = Path.of(doc);
            String text = Files.readString(page, StandardCharsets.UTF_8);
            String generated = machine.strip() + "\n\n" + table;
            String section = args.get("section", "");
            Files.writeString(
                page,
                section.isEmpty()
                    ? BenchmarksDoc.replaceGenerated(text, generated)
                    : BenchmarksDoc.replaceGenerated(text, section, generated),
                StandardCharsets.UTF_8);
            System.out.println("updated " + page);
          }
        });
  }
}
