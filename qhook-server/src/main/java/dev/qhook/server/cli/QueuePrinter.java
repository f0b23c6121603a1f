package dev.qhook.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Prints the management API's queue bodies as the {@code queues} commands show them. */
final class QueuePrinter {
  /** How much of a payload {@code queues peek} shows: 200 characters. */
  static final int PAYLOAD_CHARS = 200;

  private static final int MAX_LIMIT = 1000;

  private final PrintWriter out;

  QueuePrinter(PrintWriter out) {
    this.out = out;
  }

  /** A {@code -l/--limit} within 1..1000. */
  static int limit(int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new CliFailure("--limit: must be from 1 to " + MAX_LIMIT + ", was " + limit);
    }
    return limit;
  }

  void line(String text) {
    out.println(text);
  }

  /** {@code queues list}: pending = visible + delayed. */
  void list(JsonNode body) {
    Table table = new Table("NAME", "SOURCE", "PENDING", "IN FLIGHT", "DEAD");
    for (JsonNode q : body.path("queues")) {
      table.row(
          q.path("name").asText(),
          q.path("source").asText(),
          Long.toString(q.path("depth").asLong() + q.path("delayed").asLong()),
          q.path("in_flight").asText(),
          q.path("dead").asText());
    }
    table.print(out);
    if (body.path("queues").isEmpty()) {
      out.println("(no queues configured)");
    }
  }

  /** {@code queues inspect}. */
  void detail(JsonNode q, JsonNode peeked, int limit) {
    out.println("queue " + q.path("name").asText());
    out.println("  source:             " + q.path("source").asText());
    out.println("  events:             " + events(q.path("events")));
    out.println("  visibility timeout: " + q.path("visibility_timeout").asText() + "s");
    out.println("  max attempts:       " + q.path("max_attempts").asText());
    out.println("  ordering key:       " + text(q.path("ordering_key")));
    out.printf(
        "  messages:           %d visible, %d delayed, %d in flight, %d dead, %d completed%n",
        q.path("depth").asLong(),
        q.path("delayed").asLong(),
        q.path("in_flight").asLong(),
        q.path("dead").asLong(),
        q.path("completed").asLong());
    JsonNode messages = peeked.path("messages");
    if (messages.isEmpty()) {
      out.println("no visible messages");
      return;
    }
    out.println("oldest visible messages (up to " + limit + "):");
    Table table = new Table("ID", "TYPE", "ATTEMPT", "CREATED");
    for (JsonNode m : messages) {
      table.row(
          m.path("id").asText(),
          m.path("event_type").asText(),
          m.path("attempt").asText(),
          m.path("created_at").asText());
    }
    table.print(out);
  }

  /** {@code queues peek}: the oldest visible message, its payload cut at 200 characters. */
  void peek(String name, JsonNode peeked) {
    JsonNode messages = peeked.path("messages");
    if (messages.isEmpty()) {
      out.println("queue '" + name + "' has no visible message");
      return;
    }
    JsonNode m = messages.get(0);
    out.println("id:         " + m.path("id").asText());
    out.println("event id:   " + m.path("event_id").asText());
    out.println("event type: " + m.path("event_type").asText());
    out.println("attempt:    " + m.path("attempt").asText());
    out.println("created at: " + m.path("created_at").asText());
    JsonNode payload = m.path("payload");
    String text = payload.isTextual() ? payload.textValue() : payload.toString();
    out.println(
        "payload:    "
            + (text.length() > PAYLOAD_CHARS ? text.substring(0, PAYLOAD_CHARS) + "…" : text));
  }

  /** {@code queues dlq}. */
  void deadLetters(String name, JsonNode page) {
    Table table = new Table("ID", "TYPE", "ATTEMPTS", "DEAD AT", "LAST ERROR");
    for (JsonNode m : page.path("messages")) {
      table.row(
          m.path("id").asText(),
          m.path("event_type").asText(),
          m.path("attempt").asText(),
          text(m.path("completed_at")),
          text(m.path("last_error")));
    }
    int count = page.path("messages").size();
    if (count == 0) {
      out.println("queue '" + name + "' has no dead messages");
      return;
    }
    table.print(out);
    out.println(
        count
            + " dead message(s)"
            + (page.path("has_more").asBoolean() ? " shown; there are more (raise --limit)" : ""));
  }

  private static String events(JsonNode events) {
    List<String> list = new ArrayList<>();
    events.forEach(e -> list.add(e.asText()));
    return list.isEmpty() ? "(all)" : String.join(", ", list);
  }

  private static String text(JsonNode value) {
    return value.isMissingNode() || value.isNull() ? "-" : value.asText();
  }

  /** Columns padded to their widest cell. */
  static final class Table {
    private final List<String[]> rows = new ArrayList<>();

    Table(String... header) {
      rows.add(header);
    }

    void row(String... cells) {
      rows.add(cells);
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
        out.println(line);
      }
    }

    private static String pad(String text, int width) {
      return text + " ".repeat(width - text.length());
    }
  }
}
