package dev.qhook.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The measurements of one run: a tab-separated file of {@code key value} lines that every step of
 * the kit appends to (the Java mains and {@code bench/run.sh}). A key measured more than once (the
 * push scenario repeats each side) reads as the median of its values.
 */
final class Measurements {
  private Measurements() {}

  static void append(Path file, String key, double value) throws IOException {
    String line = key + "\t" + String.format(Locale.ROOT, "%.3f", value) + "\n";
    Files.writeString(
        file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    System.out.println(line.strip());
  }

  static Map<String, Double> read(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8));
  }

  static Map<String, Double> parse(String text) {
    Map<String, List<Double>> samples = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.trim().split("\\s+");
      if (parts.length != 2) {
        throw new IllegalArgumentException("bad measurement line: '" + line + "'");
      }
      samples.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(Double.parseDouble(parts[1]));
    }
    Map<String, Double> values = new LinkedHashMap<>();
    samples.forEach((key, list) -> values.put(key, median(list)));
    return values;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }
}
