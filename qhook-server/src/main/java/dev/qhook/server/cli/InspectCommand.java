package dev.qhook.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code qhook inspect EVENT_ID} (docs/reference/cli.md): the event, its key, the start of its
 * payload, every job with its attempts, and the workflow runs it started with their current steps.
 */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = "Show an event, the start of its payload, and every job with its attempts.")
final class InspectCommand extends ApiCommand {
  @Parameters(paramLabel = "EVENT_ID", description = "The event.")
  String eventId;

  @Option(
      names = "--json",
      description = "Print the event as GET /api/events/{id} has it, each job with its attempts.")
  boolean json;

  @Override
  int run(ApiClient api, PrintWriter out) {
    JsonNode event = api.get(ApiPath.of("/api/events/", eventId).toString());
    for (JsonNode job : event.path("jobs")) {
      JsonNode attempts =
          api.get(
              ApiPath.of("/api/jobs/", job.path("id").asText()).segment("/attempts").toString());
      ((ObjectNode) job).set("attempts", attempts.path("attempts"));
    }
    if (json) {
      out.println(event);
      return 0;
    }
    out.println("event " + event.path("id").asText());
    out.println("  source:  " + event.path("source").asText());
    out.println("  type:    " + event.path("event_type").asText());
    out.println("  key:     " + Table.cell(event.path("unique_key")));
    out.println("  created: " + event.path("created_at").asText());
    out.println("  payload: " + Printing.cut(event.path("payload")));
    printJobs(out, event.path("jobs"));
    JsonNode runs = event.path("workflow_runs");
    if (!runs.isEmpty()) {
      out.println(runs.size() + " workflow run(s):");
      WorkflowRunsCommand.runTable(runs).print(out);
    }
    return 0;
  }

  private static void printJobs(PrintWriter out, JsonNode jobs) {
    if (jobs.isEmpty()) {
      out.println("no jobs");
      return;
    }
    out.println(jobs.size() + " job(s):");
    for (JsonNode job : jobs) {
      out.printf(
          "job %s  %s  %s  attempt %s/%s%n",
          job.path("id").asText(),
          job.path("handler").asText(),
          job.path("status").asText(),
          job.path("attempt").asText(),
          job.path("max_attempts").asText());
      Table attempts = new Table("  #", "AT", "STATUS", "MS", "ERROR");
      for (JsonNode a : job.path("attempts")) {
        attempts.row(
            "  " + a.path("attempt").asText(),
            Table.time(a.path("created_at")),
            Table.cell(a.path("status_code")),
            Table.cell(a.path("duration_ms")),
            Table.cell(a.path("error")));
      }
      if (!attempts.isEmpty()) {
        attempts.print(out);
      }
    }
  }
}
