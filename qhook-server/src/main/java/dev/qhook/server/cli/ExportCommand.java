package dev.qhook.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qhook.server.internal.http.ServerJson;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code qhook export events} (docs/reference/cli.md): stored events as JSON Lines on stdout,
 * oldest first, {@code {"id","source","event_type","payload","created_at","unique_key"}}; the count
 * on stderr.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Export stored data.",
    subcommands = {ExportCommand.Events.class})
final class ExportCommand {
  @Command(
      name = "events",
      mixinStandardHelpOptions = true,
      description = "Write events as JSON Lines to stdout, oldest first; the count to stderr.")
  static final class Events extends ApiCommand {
    @Mixin Filters.EventFilter filter = new Filters.EventFilter();

    @Mixin Filters.TimeRange time = new Filters.TimeRange();

    @Option(
        names = {"-l", "--limit"},
        defaultValue = "1000",
        description = "At most this many events (default 1000).")
    int limit;

    @Override
    int run(ApiClient api, PrintWriter out) {
      if (limit < 1) {
        throw new CliFailure("--limit: must be at least 1, was " + limit);
      }
      int[] written = {0};
      EventPages.forEach(
          api,
          () -> time.apply(filter.events()),
          null,
          limit,
          summary -> {
            String id = summary.path("id").asText();
            out.println(line(api.get(ApiPath.of("/api/events/", id).toString())));
            written[0]++;
          });
      out.flush();
      context().err().println(written[0] + " event(s) exported");
      return 0;
    }

    private static JsonNode line(JsonNode event) {
      ObjectNode line = ServerJson.MAPPER.valueToTree(Map.of());
      for (String field :
          new String[] {"id", "source", "event_type", "payload", "created_at", "unique_key"}) {
        line.set(field, event.path(field));
      }
      return line;
    }
  }
}
