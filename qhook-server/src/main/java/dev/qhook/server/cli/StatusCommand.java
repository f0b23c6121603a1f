package dev.qhook.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qhook.server.internal.http.ServerJson;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code qhook status} (docs/reference/cli.md): the database's health, pending and dead handler
 * jobs ({@code GET /health}) and each queue's counts ({@code GET /api/stats}). Exit 1 when the
 * database is unhealthy.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Show health, pending and dead jobs, and per-queue counts.")
final class StatusCommand extends ApiCommand {
  @Option(names = "--json", description = "Print {\"health\": ..., \"stats\": ...}.")
  boolean json;

  @Override
  int run(ApiClient api, PrintWriter out) {
    JsonNode health = api.get("/health");
    JsonNode stats = api.get("/api/stats");
    if (json) {
      ObjectNode both = ServerJson.MAPPER.valueToTree(Map.of());
      both.set("health", health);
      both.set("stats", stats);
      out.println(both);
      return 0;
    }
    out.println("status:        " + health.path("status").asText());
    out.println("database:      " + (health.path("db_healthy").asBoolean() ? "healthy" : "down"));
    out.println("pending jobs:  " + health.path("queue_depth").asText());
    out.println("dead jobs:     " + health.path("dead_jobs").asText());
    JsonNode queues = stats.path("queues");
    if (queues.isEmpty()) {
      return 0;
    }
    Table table = new Table("QUEUE", "VISIBLE", "DELAYED", "IN FLIGHT", "DEAD");
    queues
        .fields()
        .forEachRemaining(
            q ->
                table.row(
                    q.getKey(),
                    q.getValue().path("depth").asText(),
                    q.getValue().path("delayed").asText(),
                    q.getValue().path("in_flight").asText(),
                    q.getValue().path("dead").asText()));
    table.print(out);
    return 0;
  }
}
