package dev.qhook.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qhook.server.internal.http.ServerJson;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code qhook tail} (docs/reference/cli.md): follows new events and job changes, polling the
 * management API. A job change is a job newly seen in one of the followed statuses among the 100
 * newest jobs of that status; a change of an older job is not shown.
 */
@Command(
    name = "tail",
    mixinStandardHelpOptions = true,
    description =
        "Follow new events and job changes (completed, dead, retryable by default) until stopped.")
final class TailCommand extends ApiCommand {
  private static final int PAGE = 100;

  @Option(
      names = {"-s", "--source"},
      paramLabel = "NAME",
      description = "Only events of this source (jobs are shown for every source).")
  @Nullable String source;

  @Option(
      names = "--status",
      paramLabel = "STATUS",
      split = ",",
      defaultValue = "completed,dead,retryable",
      description = "Job statuses followed (default completed,dead,retryable).")
  List<String> statuses;

  @Option(
      names = "--interval",
      paramLabel = "MS",
      defaultValue = "1000",
      description = "Milliseconds between polls (default 1000).")
  long intervalMs;

  @Option(
      names = {"-n", "--count"},
      paramLabel = "N",
      defaultValue = "0",
      description = "Stop after N lines (default: follow until interrupted).")
  int count;

  @Option(
      names = "--json",
      description =
          "One JSON object per line: the event summary or the job of GET /api/jobs, with \"kind\":"
              + " \"event\" or \"job\".")
  boolean json;

  private @Nullable String lastEvent;
  private final Set<String> seenJobs = new HashSet<>();
  private int printed;

  @Override
  int run(ApiClient api, PrintWriter out) {
    JsonNode newest = api.get(events().param("order", "desc").param("limit", 1).toString());
    JsonNode first = newest.path("events").path(0);
    lastEvent = first.isMissingNode() ? null : first.path("id").asText();
    pollJobs(api, out, false);
    StopSignal stop = context().stop();
    while (!stop.isTriggered() && !done()) {
      pollEvents(api, out);
      pollJobs(api, out, true);
      out.flush();
      if (done() || !sleep(Duration.ofMillis(Math.max(10, intervalMs)))) {
        break;
      }
    }
    return 0;
  }

  private ApiPath events() {
    return ApiPath.of("/api/events").param("source", source);
  }

  private void pollEvents(ApiClient api, PrintWriter out) {
    boolean more = true;
    while (more && !done()) {
      JsonNode page = api.get(events().param("after", lastEvent).param("limit", PAGE).toString());
      for (JsonNode e : page.path("events")) {
        lastEvent = e.path("id").asText();
        line(
            out,
            "event",
            e,
            e.path("created_at").asText()
                + "  event "
                + lastEvent
                + "  "
                + e.path("source").asText()
                + "  "
                + e.path("event_type").asText());
      }
      more = page.path("has_more").asBoolean();
    }
  }

  private void pollJobs(ApiClient api, PrintWriter out, boolean print) {
    for (String status : statuses) {
      JsonNode page =
          api.get(
              ApiPath.of("/api/jobs")
                  .param("status", status)
                  .param("order", "desc")
                  .param("limit", PAGE)
                  .toString());
      List<JsonNode> jobs = new ArrayList<>();
      page.path("jobs").forEach(jobs::add);
      Collections.reverse(jobs); // oldest first
      for (JsonNode j : jobs) {
        String key = j.path("id").asText() + "/" + status + "/" + j.path("attempt").asText();
        if (seenJobs.add(key) && print && !done()) {
          line(
              out,
              "job",
              j,
              Table.cell(j.path("completed_at"))
                  + "  job "
                  + j.path("id").asText()
                  + "  "
                  + j.path("handler").asText()
                  + "  "
                  + status
                  + "  attempt "
                  + j.path("attempt").asText()
                  + (j.path("last_error").isTextual() ? "  " + j.path("last_error").asText() : ""));
        }
      }
    }
  }

  private void line(PrintWriter out, String kind, JsonNode item, String text) {
    if (json) {
      ObjectNode object = ServerJson.MAPPER.createObjectNode().put("kind", kind);
      object.setAll((ObjectNode) item);
      out.println(object);
    } else {
      out.println(text);
    }
    printed++;
  }

  private boolean done() {
    return count > 0 && printed >= count;
  }

  private static boolean sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
