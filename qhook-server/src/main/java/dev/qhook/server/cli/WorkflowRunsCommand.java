package dev.qhook.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code qhook workflow-runs list | redrive | cancel} (docs/reference/cli.md): workflow runs
 * through the management API, on the configured database or with {@code --remote} on a server.
 */
@Command(
    name = "workflow-runs",
    mixinStandardHelpOptions = true,
    description = "List, redrive and cancel workflow runs.",
    subcommands = {
      WorkflowRunsCommand.ListRuns.class,
      WorkflowRunsCommand.Redrive.class,
      WorkflowRunsCommand.Cancel.class
    })
final class WorkflowRunsCommand {

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List workflow runs, newest first: id, workflow, status, step, created, error.")
  static final class ListRuns extends ApiCommand {
    @Option(
        names = {"-s", "--status"},
        paramLabel = "STATUS",
        description = "Only runs in this status: running, completed, failed, cancelled.")
    @Nullable String status;

    @Option(names = "--workflow", paramLabel = "NAME", description = "Only this workflow's runs.")
    @Nullable String workflow;

    @Option(names = "--event", paramLabel = "EVENT_ID", description = "Only this event's runs.")
    @Nullable String event;

    @Mixin Filters.TimeRange time = new Filters.TimeRange();

    @Mixin ListOptions list = new ListOptions();

    @Override
    int run(ApiClient api, PrintWriter out) {
      return listPage(
          api,
          out,
          time.apply(ApiPath.of("/api/workflow-runs"))
              .param("status", status)
              .param("workflow", workflow)
              .param("event_id", event),
          list,
          "workflow_runs",
          "workflow run(s)",
          WorkflowRunsCommand::runTable);
    }
  }

  /** The columns of {@code workflow-runs list}. */
  static Table runTable(JsonNode runs) {
    Table table = new Table("ID", "WORKFLOW", "STATUS", "STEP", "CREATED", "ERROR");
    for (JsonNode r : runs) {
      table.row(
          r.path("id").asText(),
          r.path("workflow").asText(),
          r.path("status").asText(),
          Table.cell(r.path("current_step")),
          Table.shortTime(r.path("created_at")),
          Table.cell(r.path("error").path("message")));
    }
    return table;
  }

  /** {@code POST /api/workflow-runs/{id}/<action>} and the sentence made of its answer. */
  abstract static class RunAction extends ApiCommand {
    @Parameters(paramLabel = "RUN_ID", description = "Workflow run id.")
    String id;

    @Mixin JsonOption output = new JsonOption();

    @Override
    final int run(ApiClient api, PrintWriter out) {
      return change(
          api,
          out,
          ApiPath.of("/api/workflow-runs/", id).segment("/" + action()),
          null,
          output.json,
          done -> "run " + id + " is " + done.path("status").asText() + more(done));
    }

    abstract String action();

    /** What the sentence says after the run's new status. */
    String more(JsonNode done) {
      return "";
    }
  }

  @Command(
      name = "redrive",
      mixinStandardHelpOptions = true,
      description = "Run a failed run's failed step again from its recorded input.")
  static final class Redrive extends RunAction {
    @Override
    String action() {
      return "redrive";
    }

    @Override
    String more(JsonNode done) {
      return " again at step '" + done.path("step").asText() + "'";
    }
  }

  @Command(
      name = "cancel",
      mixinStandardHelpOptions = true,
      description = "Cancel a running run, its pending jobs and its child runs.")
  static final class Cancel extends RunAction {
    @Override
    String action() {
      return "cancel";
    }
  }
}
