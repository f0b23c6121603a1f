package dev.qhook.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code qhook events list | replay} (docs/reference/cli.md): stored events. */
@Command(
    name = "events",
    mixinStandardHelpOptions = true,
    description = "List and replay stored events.",
    subcommands = {EventsCommand.ListEvents.class, ReplayCommand.class})
final class EventsCommand {

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List events, newest first: id, source, type, key, created.")
  static final class ListEvents extends ApiCommand {
    @Mixin Filters.EventFilter filter = new Filters.EventFilter();

    @Mixin Filters.TimeRange time = new Filters.TimeRange();

    @Mixin ListOptions list = new ListOptions();

    @Override
    int run(ApiClient api, PrintWriter out) {
      return listPage(
          api, out, time.apply(filter.events()), list, "events", "event(s)", ListEvents::table);
    }

    private static Table table(JsonNode events) {
      Table table = new Table("ID", "SOURCE", "TYPE", "KEY", "CREATED");
      for (JsonNode e : events) {
        table.row(
            e.path("id").asText(),
            e.path("source").asText(),
            e.path("event_type").asText(),
            Table.cell(e.path("unique_key")),
            Table.time(e.path("created_at")));
      }
      return table;
    }
  }
}
