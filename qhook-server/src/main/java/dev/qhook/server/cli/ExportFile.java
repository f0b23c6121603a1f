package dev.qhook.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.server.internal.http.ServerJson;
import dev.qhook.server.internal.http.Timestamps;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The lines of an {@code export events} file that {@code replay-local} sends: each a JSON object
 * with {@code source} and {@code event_type} (required), {@code payload}, {@code created_at} and an
 * optional {@code status}; blank lines are skipped. A line that breaks these rules fails the whole
 * file, naming its number, before anything is sent.
 */
final class ExportFile {
  /** One line that passed the filters. */
  record Line(int number, String source, String eventType, JsonNode payload) {
    /** The body to post: a JSON payload as JSON, a string payload (a non-JSON body) as is. */
    byte[] body() {
      return payload.isTextual()
          ? payload.textValue().getBytes(StandardCharsets.UTF_8)
          : ServerJson.write(payload);
    }

    boolean isJson() {
      return !payload.isTextual();
    }
  }

  /** The {@code replay-local} filters; null ones keep every line. */
  record Filter(
      @Nullable String source,
      @Nullable String eventType,
      @Nullable Instant since,
      @Nullable Instant until,
      @Nullable String status) {

    /** {@code --since}/{@code --until} read as the API reads them. */
    static @Nullable Instant time(String option, @Nullable String text) {
      if (text == null) {
        return null;
      }
      try {
        return Timestamps.parse(text);
      } catch (IllegalArgumentException e) {
        throw new CliFailure(option + ": " + e.getMessage());
      }
    }

    boolean keeps(JsonNode line, String lineSource, String lineType, int number) {
      if (source != null && !source.equals(lineSource)) {
        return false;
      }
      if (eventType != null && !typeMatches(lineType)) {
        return false;
      }
      if (status != null && !status.equals(line.path("status").asText(null))) {
        return false;
      }
      if (since == null && until == null) {
        return true;
      }
      Instant created = createdAt(line, number);
      return created != null
          && (since == null || !created.isBefore(since))
          && (until == null || created.isBefore(until));
    }

    /** Exact, or a prefix when the filter ends in {@code *}. */
    private boolean typeMatches(String type) {
      return eventType.endsWith("*")
          ? type.startsWith(eventType.substring(0, eventType.length() - 1))
          : type.equals(eventType);
    }

    private static @Nullable Instant createdAt(JsonNode line, int number) {
      JsonNode created = line.get("created_at");
      if (created == null || created.isNull()) {
        return null;
      }
      try {
        return Timestamps.parse(created.asText());
      } catch (IllegalArgumentException e) {
        throw new CliFailure("line " + number + ": created_at: " + e.getMessage());
      }
    }
  }

  private ExportFile() {}

  /**
   * The lines {@code filter} keeps, in file order.
   *
   * @throws CliFailure a line is not a JSON object or lacks {@code source} or {@code event_type}
   */
  static List<Line> read(BufferedReader reader, Filter filter) throws IOException {
    List<Line> lines = new ArrayList<>();
    int number = 0;
    for (String text = reader.readLine(); text != null; text = reader.readLine()) {
      number++;
      if (text.isBlank()) {
        continue;
      }
      JsonNode line = ServerJson.parseOrNull(text.getBytes(StandardCharsets.UTF_8));
      if (line == null || !line.isObject()) {
        throw new CliFailure("line " + number + ": not a JSON object");
      }
      String source = required(line, "source", number);
      String type = required(line, "event_type", number);
      if (filter.keeps(line, source, type, number)) {
        JsonNode payload = line.get("payload");
        lines.add(
            new Line(
                number,
                source,
                type,
                payload == null || payload.isNull()
                    ? ServerJson.MAPPER.createObjectNode()
                    : payload));
      }
    }
    return lines;
  }

  private static String required(JsonNode line, String field, int number) {
    JsonNode value = line.get(field);
    if (value == null || !value.isTextual() || value.textValue().isEmpty()) {
      throw new CliFailure("line " + number + ": needs \"" + field + "\" (a non-empty string)");
    }
    return value.textValue();
  }
}
