package dev.qhook.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.spi.JobStatus;
import java.io.PrintWriter;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code qhook jobs list | retry} (docs/reference/cli.md). */
@Command(
    name = "jobs",
    mixinStandardHelpOptions = true,
    description = "List and retry delivery jobs.",
    subcommands = {JobsCommand.ListJobs.class, JobsCommand.Retry.class})
final class JobsCommand {

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description =
          "List jobs, newest first: id, status, handler, attempt/max, scheduled, last error.")
  static final class ListJobs extends ApiCommand {
    @Option(
        names = {"-s", "--status"},
        paramLabel = "STATUS",
        description = "Only jobs in this status (available, running, completed, retryable, dead).")
    @Nullable String status;

    @Option(names = "--handler", paramLabel = "NAME", description = "Only this handler's jobs.")
    @Nullable String handler;

    @Option(names = "--event", paramLabel = "EVENT_ID", description = "Only this event's jobs.")
    @Nullable String event;

    @Mixin Filters.TimeRange time = new Filters.TimeRange();

    @Mixin ListOptions list = new ListOptions();

    @Override
    int run(ApiClient api, PrintWriter out) {
      return listPage(
          api,
          out,
          time.apply(ApiPath.of("/api/jobs"))
              .param("status", status)
              .param("handler", handler)
              .param("event_id", event),
          list,
          "jobs",
          "job(s)",
          JobsCommand::jobTable);
    }
  }

  /** The job columns of {@code jobs list} and {@code inspect}. */
  static Table jobTable(JsonNode jobs) {
    Table table = new Table("ID", "STATUS", "HANDLER", "TRY", "SCHEDULED", "LAST ERROR");
    for (JsonNode j : jobs) {
      table.row(
          j.path("id").asText(),
          j.path("status").asText(),
          j.path("handler").asText(),
          j.path("attempt").asText() + "/" + j.path("max_attempts").asText(),
          Table.shortTime(j.path("scheduled_at")),
          Table.cell(j.path("last_error")));
    }
    return table;
  }

  @Command(
      name = "retry",
      mixinStandardHelpOptions = true,
      description =
          "Make one dead or retryable job available now, or with --dead every dead job"
              + " (of --handler, created in --since/--until), attempts reset.")
  static final class Retry extends ApiCommand {
    @Parameters(arity = "0..1", paramLabel = "JOB_ID", description = "The job to retry.")
    @Nullable String jobId;

    @Option(names = "--dead", description = "Retry every dead job matching the filters.")
    boolean dead;

    @Option(names = "--handler", paramLabel = "NAME", description = "Only this handler's jobs.")
    @Nullable String handler;

    @Mixin Filters.TimeRange time = new Filters.TimeRange();

    @Mixin YesOption confirm = new YesOption();

    @Mixin JsonOption output = new JsonOption();

    @Override
    int run(ApiClient api, PrintWriter out) {
      if ((jobId == null) == !dead) {
        throw new ParameterException(spec.commandLine(), "give a JOB_ID or --dead, not both");
      }
      if (jobId != null) {
        return change(
            api,
            out,
            ApiPath.of("/api/jobs/", jobId).segment("/retry"),
            null,
            output.json,
            answer -> "job " + answer.path("id").asText() + " is available again");
      }
      if (!confirm.confirmed(context(), () -> question(api))) {
        out.println("not retried");
        return 1;
      }
      return change(
          api,
          out,
          time.apply(ApiPath.of("/api/jobs/retry"))
              .param("status", JobStatus.DEAD.label())
              .param("handler", handler),
          null,
          output.json,
          answer -> "retried " + answer.path("retried").asInt() + " dead job(s)");
    }

    private String question(ApiClient api) {
      JsonNode page =
          api.get(
              time.apply(ApiPath.of("/api/jobs"))
                  .param("status", JobStatus.DEAD.label())
                  .param("handler", handler)
                  .param("limit", 1000)
                  .toString());
      String more = page.path("has_more").asBoolean() ? " or more" : "";
      return "Retry " + page.path("jobs").size() + more + " dead job(s)?";
    }
  }
}
