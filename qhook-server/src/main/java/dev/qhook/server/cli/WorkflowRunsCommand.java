package dev.qhook.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.config.QHookConfig;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code qhook workflow-runs list | redrive | cancel} (docs/reference/cli.md): workflow runs, from
 * the database or with {@code --remote} through the management API.
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
  @ParentCommand Main main;

  /** The options and the run source every subcommand shares. */
  abstract static class Sub implements Callable<Integer> {
    @Mixin ConfigOptions configOptions = new ConfigOptions();
    @Mixin RemoteOptions remoteOptions = new RemoteOptions();
    @ParentCommand WorkflowRunsCommand parent;

    @Override
    public Integer call() {
      CliContext context = parent.main.context();
      try (RunReader runs = open(context)) {
        return run(runs, context.out());
      }
    }

    abstract int run(RunReader runs, PrintWriter out);

    private RunReader open(CliContext context) {
      String remote = remoteOptions.url(context);
      if (remote != null) {
        return new RemoteRuns(new RemoteApi(remote, remoteOptions.token(context)));
      }
      QHookConfig config =
          ConfigFiles.load(
                  context,
                  configOptions.file(context, parent.main.configOptions),
                  configOptions.envName(parent.main.configOptions))
              .config();
      return LocalRuns.open(config);
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List workflow runs, newest first.")
  static final class ListRuns extends Sub {
    @Option(
        names = {"-s", "--status"},
        description = "Only runs in this status: running, completed, failed, cancelled.")
    @Nullable String status;

    @Option(
        names = {"-l", "--limit"},
        defaultValue = "20",
        description = "Runs shown (default 20).")
    int limit;

    @Override
    int run(RunReader runs, PrintWriter out) {
      JsonNode page = runs.list(status, QueuePrinter.limit(limit));
      QueuePrinter.Table table =
          new QueuePrinter.Table("ID", "WORKFLOW", "STATUS", "STEP", "CREATED", "ERROR");
      for (JsonNode r : page.path("workflow_runs")) {
        table.row(
            r.path("id").asText(),
            r.path("workflow").asText(),
            r.path("status").asText(),
            text(r.path("current_step")),
            r.path("created_at").asText(),
            text(r.path("error").path("message")));
      }
      table.print(out);
      if (page.path("workflow_runs").isEmpty()) {
        out.println("(no workflow runs)");
      } else if (page.path("has_more").asBoolean()) {
        out.println("(more runs: raise --limit)");
      }
      return 0;
    }
  }

  /** A subcommand of one run, named by its parameter. */
  abstract static class OnRun extends Sub {
    @Parameters(paramLabel = "RUN_ID", description = "Workflow run id.")
    String id;
  }

  @Command(
      name = "redrive",
      mixinStandardHelpOptions = true,
      description = "Run a failed run's failed step again from its recorded input.")
  static final class Redrive extends OnRun {
    @Override
    int run(RunReader runs, PrintWriter out) {
      JsonNode done = runs.redrive(id);
      out.println(
          "run "
              + id
              + " is "
              + done.path("status").asText()
              + " again at step '"
              + done.path("step").asText()
              + "'");
      return 0;
    }
  }

  @Command(
      name = "cancel",
      mixinStandardHelpOptions = true,
      description = "Cancel a running run, its pending jobs and its child runs.")
  static final class Cancel extends OnRun {
    @Override
    int run(RunReader runs, PrintWriter out) {
      JsonNode done = runs.cancel(id);
      out.println("run " + id + " is " + done.path("status").asText());
      return 0;
    }
  }

  private static String text(JsonNode value) {
    return value.isMissingNode() || value.isNull() ? "-" : value.asText();
  }
}
