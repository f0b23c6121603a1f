package dev.qhook.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the per-second CSV of RabbitMQ PerfTest ({@code --output-file}) and records the steady
 * state after the warm-up: {@code KEY.rate}, the mean of the seconds' consumed (received) msg/s,
 * and {@code KEY.p99_ms}, the median of the seconds' 99th percentile consumer latency (publish to
 * consume, end to end). PerfTest keeps no histogram of the whole run, so a percentile over the
 * measured seconds cannot be had; the median of the per-second values is not moved by one slow
 * second.
 *
 * <p>{@code PerfTestResult --csv perftest.csv --warmup-seconds 30 --key pull.rabbitmq --out
 * measurements.tsv}
 */
public final class PerfTestResult {
  private static final String RECEIVED = "received (msg/s)";
  private static final String P99 = "99th p. consumer latency (µs)";

  private PerfTestResult() {}

  /**
   * @param rate consumed msg/s
   * @param p99Ms 99th percentile consumer latency, in milliseconds
   * @param seconds how many seconds of the CSV were counted
   */
  record Steady(double rate, double p99Ms, int seconds) {}

  public static void main(String[] argv) {
    Cli.run(
        "perftest-result",
        () -> {
          Args args = Args.parse(argv, "csv", "warmup-seconds", "key", "out");
          Steady steady =
              steady(
                  Files.readString(Path.of(args.get("csv")), StandardCharsets.UTF_8),
                  Double.parseDouble(args.get("warmup-seconds")));
          String key = args.get("key");
          Path out = Path.of(args.get("out"));
          Measurements.append(out, key + ".rate", steady.rate());
          Measurements.append(out, key + ".p99_ms", steady.p99Ms());
          System.out.printf(
              Locale.ROOT,
              "%s: %.0f msg/s consumed, p99 %.2f ms (%d s after the warm-up)%n",
              key,
              steady.rate(),
              steady.p99Ms(),
              steady.seconds());
        });
  }

  /**
   * @throws IllegalArgumentException no column of the consumed rate or latency, or no second after
   *     the warm-up
   */
  static Steady steady(String csv, double warmupSeconds) throws IOException {
    List<String> lines = csv.lines().filter(l -> !l.isBlank()).toList();
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("PerfTest wrote no CSV lines");
    }
    List<String> header = List.of(lines.get(0).split(",", -1));
    int time = column(header, "time (s)");
    int received = column(header, RECEIVED);
    int p99 = column(header, P99);
    double sum = 0;
    List<Double> p99s = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      // Each line covers the second that ends at its time (2.001: the second second).
      if (Math.round(Double.parseDouble(cells[time])) <= warmupSeconds) {
        continue;
      }
      sum += Double.parseDouble(cells[received]);
      p99s.add(Double.parseDouble(cells[p99]) / 1000.0);
    }
    if (p99s.isEmpty()) {
      throw new IllegalArgumentException(
          "PerfTest reported no second after the " + warmupSeconds + " s warm-up");
    }
    return new Steady(sum / p99s.size(), median(p99s), p99s.size());
  }

  private static int column(List<String> header, String name) {
    int index = header.indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException("PerfTest CSV has no column '" + name + "': " + header);
    }
    return index;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
