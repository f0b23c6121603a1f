package dev.qhook.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.server.internal.http.ServerJson;
import dev.qhook.spi.Job;
import dev.qhook.spi.JobStatus;
import dev.qhook.testkit.RecordingReceiver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code qhook events list}, {@code jobs list | retry}, {@code inspect}, {@code status} and {@code
 * export events}, each on the database itself and with {@code --remote} through the server.
 */
class DataCommandsTest {
  @TempDir Path dir;
  private RecordingReceiver ok;
  private RecordingReceiver failing;
  private CliFixture f;
  private String order;
  private String refund;
  private Job dead;
  private Job delivered;

  @BeforeEach
  void start() throws IOException {
    ok = RecordingReceiver.start();
    failing = RecordingReceiver.start();
    failing.respondByDefault(RecordingReceiver.Response.status(500));
    f = CliFixture.start(dir, CliFixture.receiverYaml(ok, failing));
    order = f.ingest("shop", "order.created", "{\"n\":1,\"s\":\"" + "x".repeat(300) + "\"}");
    refund = f.ingest("shop", "refund.created", "{\"n\":2}");
    dead =
        f.awaitSettled(order).stream()
            .filter(j -> j.status() == JobStatus.DEAD)
            .findFirst()
            .orElseThrow();
    delivered = f.awaitSettled(refund).get(0);
  }

  @AfterEach
  void stop() {
    f.close();
    ok.close();
    failing.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "remote"})
  void eventsListShowsTheNewestFirstAndJsonForScripts(String mode) {
    CliRun run = f.run(mode, "events", "list");

    assertThat(run.status).as(run.err).isZero();
    List<String> lines = run.out.lines().toList();
    assertThat(lines.get(0)).containsPattern("ID\\s+SOURCE\\s+TYPE\\s+KEY\\s+CREATED");
    assertThat(lines.get(1)).startsWith(refund).contains("refund.created");
    assertThat(lines.get(2)).startsWith(order);
    assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));

    CliRun json = f.run(mode, "events", "list", "--json", "-l", "1", "--oldest-first");
    JsonNode page = ServerJson.parseOrNull(json.out.getBytes(StandardCharsets.UTF_8));
    assertThat(page.get("events")).hasSize(1);
    assertThat(page.get("events").get(0).get("id").asText()).isEqualTo(order);
    assertThat(page.get("has_more").asBoolean()).isTrue();
    assertThat(f.run(mode, "events", "list", "-s", "nope").out).contains("no events");
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "remote"})
  void jobsListFiltersByStatusAndFitsEightyColumns(String mode) {
    CliRun run = f.run(mode, "jobs", "list", "-s", "dead");

    assertThat(run.status).as(run.err).isZero();
    assertThat(run.out)
        .containsPattern("ID\\s+STATUS\\s+HANDLER\\s+TRY\\s+SCHEDULED\\s+LAST ERROR")
        .contains(dead.id())
        .containsPattern("dead\\s+flaky\\s+1/1");
    assertThat(run.out.lines())
        .hasSize(2)
        .allSatisfy(l -> assertThat(l).hasSizeLessThanOrEqualTo(80));
    CliRun bad = f.run(mode, "jobs", "list", "-s", "sleeping");
    assertThat(bad.status).isEqualTo(1);
    assertThat(bad.err).contains("bad_request: status: unknown job status 'sleeping'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "remote"})
  void inspectShowsTheEventItsPayloadStartAndEveryJobWithAttempts(String mode) {
    CliRun run = f.run(mode, "inspect", order);

    assertThat(run.status).as(run.err).isZero();
    assertThat(run.out)
        .contains("event " + order)
        .contains("  type:    order.created")
        .contains("2 job(s):")
        .containsPattern("job " + dead.id() + "\\s+flaky\\s+dead\\s+attempt 1/1")
        .containsPattern("1\\s+\\S+ \\S+\\s+500\\s+\\d+\\s+HTTP 500");
    String payload =
        run.out.lines().filter(l -> l.startsWith("  payload:")).findFirst().orElseThrow();
    assertThat(payload).endsWith("…").hasSize("  payload: ".length() + 200 + 1);

    CliRun json = f.run(mode, "inspect", order, "--json");
    JsonNode event = ServerJson.parseOrNull(json.out.getBytes(StandardCharsets.UTF_8));
    assertThat(event.get("jobs"))
        .hasSize(2)
        .allSatisfy(j -> assertThat(j.get("attempts")).hasSize(1));

    CliRun unknown = f.run(mode, "inspect", "nope");
    assertThat(unknown.status).isEqualTo(1);
    assertThat(unknown.err).contains("not_found: no event 'nope'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "remote"})
  void statusShowsHealthAndDeadJobs(String mode) {
    CliRun run = f.run(mode, "status");

    assertThat(run.status).as(run.err).isZero();
    assertThat(run.out).contains("database:      healthy").contains("dead jobs:     1");
    JsonNode json =
        ServerJson.parseOrNull(
            f.run(mode, "status", "--json").out.getBytes(StandardCharsets.UTF_8));
    assertThat(json.at("/health/dead_jobs").asInt()).isEqualTo(1);
    assertThat(json.at("/stats/queues").isObject()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "remote"})
  void exportEventsWritesJsonLinesOldestFirstAndTheCountToStderr(String mode) {
    CliRun run = f.run(mode, "export", "events");

    assertThat(run.status).as(run.err).isZero();
    List<JsonNode> lines =
        run.out
            .lines()
            .map(l -> ServerJson.parseOrNull(l.getBytes(StandardCharsets.UTF_8)))
            .toList();
    assertThat(lines).extracting(l -> l.get("id").asText()).containsExactly(order, refund);
    assertThat(lines.get(1).get("payload").get("n").asInt()).isEqualTo(2);
    assertThat(lines.get(0).fieldNames())
        .toIterable()
        .containsExactly("id", "source", "event_type", "payload", "created_at", "unique_key");
    assertThat(run.err).contains("2 event(s) exported");
    assertThat(f.run(mode, "export", "events", "-t", "refund.created").out.lines()).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "remote"})
  void jobsRetryRetriesOneJobOrEveryDeadJobAfterConfirmation(String mode) {
    CliRun one = f.run(mode, "jobs", "retry", dead.id());
    assertThat(one.status).as(one.err).isZero();
    assertThat(one.out).contains("job " + dead.id() + " is available again");
    if (mode.equals("remote")) {
      f.awaitSettled(order); // fails again: dead again
    }

    CliRun completed = f.run(mode, "jobs", "retry", delivered.id());
    assertThat(completed.status).isEqualTo(1);
    assertThat(completed.err).contains("conflict").contains("only dead or retryable jobs");
  }

  @Test
  void bulkRetryAsksWithoutYesAndIsAUsageErrorWithoutAJobOrDead() {
    CliRun asked = f.run("remote", "jobs", "retry", "--dead");
    assertThat(asked.status).isEqualTo(1);
    assertThat(asked.err).contains("Retry 1 dead job(s)").contains("stdin is not a terminal");

    CliRun yes = f.run("remote", "jobs", "retry", "--dead", "--handler", "flaky", "-y");
    assertThat(yes.status).as(yes.err).isZero();
    assertThat(yes.out).contains("retried 1 dead job(s)");

    assertThat(f.run("remote", "jobs", "retry").status).isEqualTo(2);
    assertThat(f.run("remote", "jobs", "retry", dead.id(), "--dead").status).isEqualTo(2);
  }
}
