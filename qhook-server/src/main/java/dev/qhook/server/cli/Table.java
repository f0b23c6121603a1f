package dev.qhook.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Columns padded to their widest cell, two spaces apart; a line wider than {@link #WIDTH} has its
 * last column cut with "…" so that tables fit an 80-column terminal (use {@code --json} for every
 * character). Times are UTC.
 */
final class Table {
  static final int WIDTH = 80;

  private final List<String[]> rows = new ArrayList<>();

  Table(String... header) {
    rows.add(header);
  }

  Table row(String... cells) {
    rows.add(cells);
    return this;
  }

  boolean isEmpty() {
    return rows.size() == 1;
  }

  void print(PrintWriter out) {
    int[] widths = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(i == row.length - 1 ? row[i] : pad(row[i], widths[i] + 2));
      }
      out.println(fit(line.toString()));
    }
  }

  private static String fit(String line) {
    return line.length() <= WIDTH ? line : line.substring(0, WIDTH - 1) + "…";
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(width - text.length());
  }

  private static final DateTimeFormatter FULL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter SHORT =
      DateTimeFormatter.ofPattern("MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  /** An API timestamp as {@code 2026-03-29 10:15:30} (UTC), or {@code -}. */
  static String time(JsonNode value) {
    return time(value, FULL);
  }

  /** An API timestamp as {@code 03-29 10:15:30} (UTC), or {@code -}: for narrow tables. */
  static String shortTime(JsonNode value) {
    return time(value, SHORT);
  }

  private static String time(JsonNode value, DateTimeFormatter format) {
    if (!value.isTextual()) {
      return "-";
    }
    try {
      return format.format(Instant.parse(value.textValue()));
    } catch (DateTimeParseException e) {
      return value.textValue();
    }
  }

  /** A JSON value as a cell: {@code -} for null or missing. */
  static String cell(JsonNode value) {
    return value.isMissingNode() || value.isNull() ? "-" : value.asText();
  }
}
