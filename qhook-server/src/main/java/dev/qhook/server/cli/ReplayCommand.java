package dev.qhook.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qhook.server.internal.http.ServerJson;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code qhook events replay [EVENT_ID]} (docs/reference/cli.md): stored events routed again
 * through the current config, as {@code POST /api/events/{id}/replay} and {@code POST
 * /api/events/replay} do; in bulk oldest first, one API call per 1000 events, paging by {@code
 * last_event_id}, after a confirmation showing the count.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description =
        "Replay one stored event, or every event matching the filters (oldest first), through the"
            + " current config: new jobs and workflow runs, idempotency ignored.")
final class ReplayCommand extends ApiCommand {
  @Parameters(arity = "0..1", paramLabel = "EVENT_ID", description = "The one event to replay.")
  @Nullable String eventId;

  @Mixin Filters.EventFilter filter = new Filters.EventFilter();

  @Mixin Filters.TimeRange time = new Filters.TimeRange();

  @Option(names = "--after", paramLabel = "ID", description = "Only events after this id.")
  @Nullable String after;

  @Option(
      names = {"-l", "--limit"},
      defaultValue = "100",
      description = "At most this many events in bulk (default 100).")
  int limit;

  @Option(
      names = "--target",
      paramLabel = "NAME",
      description =
          "Only this handler, queue, workflow or outbound endpoint id (repeatable; default all).")
  List<String> targets = new ArrayList<>();

  @Mixin YesOption confirm = new YesOption();

  @Mixin JsonOption output = new JsonOption();

  @Override
  int run(ApiClient api, PrintWriter out) {
    if (eventId != null) {
      if (filter.source != null
          || filter.eventType != null
          || time.since != null
          || time.until != null
          || after != null) {
        throw new ParameterException(
            spec.commandLine(),
            "give an EVENT_ID or the filters (-s, -t, --since, --until, --after), not both");
      }
      return change(
          api,
          out,
          ApiPath.of("/api/events/", eventId).segment("/replay"),
          body().toString(),
          output.json,
          r ->
              "event "
                  + r.path("event_id").asText()
                  + " replayed: "
                  + counts(
                      r.path("jobs_created").asLong(), r.path("workflow_runs_started").asLong()));
    }
    if (limit < 1) {
      throw new CliFailure("--limit: must be at least 1, was " + limit);
    }
    if (!confirm.yes && !confirmed(api)) {
      out.println("not replayed");
      return 1;
    }
    return replayAll(api, out);
  }

  private int replayAll(ApiClient api, PrintWriter out) {
    long replayed = 0;
    long jobs = 0;
    long runs = 0;
    String last = after;
    boolean more = true;
    while (more && replayed < limit) {
      ObjectNode body =
          filters(body()).put("limit", (int) Math.min(EventPages.PAGE, limit - replayed));
      body.put("after", last);
      JsonNode page = api.post("/api/events/replay", body.toString());
      replayed += page.path("replayed").asLong();
      jobs += page.path("jobs_created").asLong();
      runs += page.path("workflow_runs_started").asLong();
      more = page.path("has_more").asBoolean() && page.path("replayed").asLong() > 0;
      last = page.path("last_event_id").isTextual() ? page.path("last_event_id").asText() : last;
    }
    if (output.json) {
      ObjectNode total = ServerJson.MAPPER.createObjectNode();
      total.put("replayed", replayed).put("jobs_created", jobs).put("workflow_runs_started", runs);
      total.put("has_more", more).put("last_event_id", last);
      out.println(total);
      return 0;
    }
    out.println("replayed " + replayed + " event(s): " + counts(jobs, runs));
    if (more) {
      out.println("more events match: --after " + last);
    }
    return 0;
  }

  /** Counts the matching events, up to the limit, and asks unless none match. */
  private boolean confirmed(ApiClient api) {
    long[] count = {0};
    boolean more =
        EventPages.forEach(
            api, () -> time.apply(filter.events()), after, limit, summary -> count[0]++);
    if (count[0] == 0) {
      return true;
    }
    String scope = targets.isEmpty() ? "" : " to " + String.join(", ", targets);
    return Confirmation.ask(
        context(),
        "Replay "
            + count[0]
            + " event(s)"
            + scope
            + " through the current config"
            + (more ? " (more match: the rest with --after)" : "")
            + "?");
  }

  /** {@code {"targets": [...]}} when {@code --target} is given, else {@code {}}. */
  private ObjectNode body() {
    ObjectNode body = ServerJson.MAPPER.createObjectNode();
    if (!targets.isEmpty()) {
      targets.forEach(body.putArray("targets")::add);
    }
    return body;
  }

  private ObjectNode filters(ObjectNode body) {
    body.put("source", filter.source).put("event_type", filter.eventType);
    return body.put("since", time.since).put("until", time.until);
  }

  private static String counts(long jobs, long runs) {
    return jobs + " job(s) created, " + runs + " workflow run(s) started";
  }
}
