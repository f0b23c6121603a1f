package dev.qhook.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Prints the management API's queue bodies as the {@code queues} commands show them. */
final class QueuePrinter {
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
    out.println("  ordering key:       " + Table.cell(q.path("ordering_key")));
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
    out.println("payload:    " + Printing.cut(m.path("payload")));
  }

  /** {@code queues dlq}. */
  void deadLetters(String name, JsonNode page) {
    Table table = new Table("ID", "TYPE", "ATTEMPTS", "DEAD AT", "LAST ERROR");
    for (JsonNode m : page.path("messages")) {
      table.row(
          m.path("id").asText(),
          m.path("event_type").asText(),
          m.path("attempt").asText(),
          Table.cell(m.path("completed_at")),
          Table.cell(m.path("last_error")));
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
}
