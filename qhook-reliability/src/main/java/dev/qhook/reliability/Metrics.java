package dev.qhook.reliability;

/** Reads Prometheus text. */
final class Metrics {
  private Metrics() {}

  /** The sum of the samples named {@code name} (with any labels); NaN samples count as 0. */
  static double sum(String text, String name) {
    double sum = 0;
    for (String line : text.split("\n")) {
      if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
        double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        if (!Double.isNaN(value)) {
          sum += value;
        }
      }
    }
    return sum;
  }
}
