package dev.qhook.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code qhook events list} (docs/reference/cli.md): stored events, newest first. */
@Command(
    name = "events",
    mixinStandardHelpOptions = true,
    description = "List stored events.",
    subcommands = {EventsCommand.ListEvents.class})
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
      JsonNode page = api.get(list.apply(time.apply(filter.events())).toString());
      if (list.json) {
        out.println(page);
        return 0;
      }
      Table table = new Table("ID", "SOURCE", "TYPE", "KEY", "CREATED");
      for (JsonNode e : page.path("events")) {
        table.row(
            e.path("id").asText(),
            e.path("source").asText(),
            e.path("event_type").asText(),
            Table.cell(e.path("unique_key")),
            Table.time(e.path("created_at")));
      }
      Printing.page(out, table, page, "events", "event(s)");
      return 0;
    }
  }
}
