package dev.qhook.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.server.internal.http.ServerJson;
import dev.qhook.testkit.RecordingReceiver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code qhook events replay}: one event or many through the current config, on the database itself
 * and with {@code --remote} through the server.
 */
class ReplayCommandTest {
  @TempDir Path dir;
  private RecordingReceiver ok;
  private RecordingReceiver failing;
  private CliFixture f;
  private String order;
  private String refund;

  @BeforeEach
  void start() throws IOException {
    ok = RecordingReceiver.start();
    failing = RecordingReceiver.start();
    failing.respondByDefault(RecordingReceiver.Response.status(500));
    f = CliFixture.start(dir, CliFixture.receiverYaml(ok, failing));
    order = f.ingest("shop", "order.created", "{\"n\":1}"); // ok and flaky
    refund = f.ingest("shop", "refund.created", "{\"n\":2}"); // ok
    f.awaitSettled(order);
    f.awaitSettled(refund);
  }

  @AfterEach
  void stop() {
    f.close();
    ok.close();
    failing.close();
  }

  private static JsonNode json(CliRun run) {
    assertThat(run.status).as(run.err).isZero();
    return ServerJson.parseOrNull(run.out.getBytes(StandardCharsets.UTF_8));
  }

  private int jobsOf(String mode, String eventId) {
    return json(f.run(mode, "jobs", "list", "--event", eventId, "--json")).get("jobs").size();
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "remote"})
  void oneEventIsReplayedToEveryConsumerOrOnlyToTheTargets(String mode) {
    CliRun all = f.run(mode, "events", "replay", order);
    assertThat(all.status).as(all.err).isZero();
    assertThat(all.out)
        .contains("event " + order + " replayed: 2 job(s) created, 0 workflow run(s) started");

    JsonNode targeted = json(f.run(mode, "events", "replay", order, "--target", "ok", "--json"));
    assertThat(targeted.get("event_id").asText()).isEqualTo(order);
    assertThat(targeted.get("jobs_created").asInt()).isEqualTo(1);
    assertThat(jobsOf(mode, order)).isEqualTo(2 + 2 + 1);

    CliRun unknown = f.run(mode, "events", "replay", "nope");
    assertThat(unknown.status).isEqualTo(1);
    assertThat(unknown.err).contains("not_found: no event 'nope'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "remote"})
  void bulkReplayPagesOldestFirstUpToTheLimitAndTellsHowToGoOn(String mode) {
    CliRun first = f.run(mode, "events", "replay", "-s", "shop", "-l", "1", "-y");
    assertThat(first.status).as(first.err).isZero();
    assertThat(first.out)
        .contains("replayed 1 event(s): 2 job(s) created, 0 workflow run(s) started")
        .contains("more events match: --after " + order);

    JsonNode rest = json(f.run(mode, "events", "replay", "--after", order, "-y", "--json"));
    assertThat(rest.get("replayed").asInt()).isEqualTo(1);
    assertThat(rest.get("jobs_created").asInt()).isEqualTo(1);
    assertThat(rest.get("has_more").asBoolean()).isFalse();
    assertThat(rest.get("last_event_id").asText()).isEqualTo(refund);
    assertThat(jobsOf(mode, order)).isEqualTo(4);
    assertThat(jobsOf(mode, refund)).isEqualTo(2);

    CliRun none = f.run(mode, "events", "replay", "-t", "nothing.*", "-y");
    assertThat(none.out).contains("replayed 0 event(s)");
  }

  @Test
  void bulkReplayAsksWithTheCountAndRefusesWithoutATerminal() {
    CliRun asked = f.run("remote", "events", "replay", "--event-type", "order.created");

    assertThat(asked.status).isEqualTo(1);
    assertThat(asked.err)
        .contains("Replay 1 event(s) through the current config")
        .contains("stdin is not a terminal");
    assertThat(jobsOf("remote", order)).isEqualTo(2);
  }

  @Test
  void anEventIdWithFiltersIsAUsageErrorAndBadValuesFail() {
    assertThat(f.run("remote", "events", "replay", order, "-s", "shop").status).isEqualTo(2);
    CliRun badLimit = f.run("remote", "events", "replay", "-l", "0", "-y");
    assertThat(badLimit.status).isEqualTo(1);
    assertThat(badLimit.err).contains("--limit: must be at least 1, was 0");
    CliRun badTime = f.run("remote", "events", "replay", "--since", "yesterday", "-y");
    assertThat(badTime.status).isEqualTo(1);
    assertThat(badTime.err).contains("bad_request: since: invalid timestamp 'yesterday'");
  }
}
