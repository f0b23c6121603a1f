package dev.qhook.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;

/** What the list commands print after a table. */
final class Printing {
  /** How much of a payload {@code inspect} shows: 200 characters. */
  static final int PAYLOAD_CHARS = 200;

  private Printing() {}

  /** The table, or a line saying it is empty; then how to get the next page. */
  static void page(PrintWriter out, Table table, JsonNode page, String key, String noun) {
    JsonNode items = page.path(key);
    if (items.isEmpty()) {
      out.println("no " + noun.replace("(s)", "s"));
      return;
    }
    table.print(out);
    if (page.path("has_more").asBoolean()) {
      out.println(
          "more "
              + noun.replace("(s)", "s")
              + ": --after "
              + items.get(items.size() - 1).path("id").asText());
    }
  }

  /** A JSON value cut at {@link #PAYLOAD_CHARS} characters. */
  static String cut(JsonNode value) {
    String text = value.isTextual() ? value.textValue() : value.toString();
    return text.length() > PAYLOAD_CHARS ? text.substring(0, PAYLOAD_CHARS) + "…" : text;
  }
}
