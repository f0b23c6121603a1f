package dev.qhook.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.server.internal.http.ServerJson;
import dev.qhook.spi.Event;
import dev.qhook.spi.EventQuery;
import dev.qhook.testkit.RecordingReceiver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code qhook replay-local}: the lines of an {@code export events} file posted again to a server's
 * {@code /events/{source}/{event_type}}, filtered, after asking.
 */
class ReplayLocalTest {
  @TempDir Path dir;
  private RecordingReceiver ok;
  private RecordingReceiver failing;
  private CliFixture f;
  private Path export;

  @BeforeEach
  void start() throws IOException {
    ok = RecordingReceiver.start();
    failing = RecordingReceiver.start();
    f = CliFixture.start(dir, CliFixture.receiverYaml(ok, failing));
    f.ingest("shop", "order.created", "{\"n\":1}");
    f.ingest("shop", "refund.created", "{\"n\":2}");
    CliRun exported = f.run("remote", "export", "events");
    assertThat(exported.status).as(exported.err).isZero();
    export = Files.writeString(dir.resolve("shop.jsonl"), exported.out, StandardCharsets.UTF_8);
  }

  @AfterEach
  void stop() {
    f.close();
    ok.close();
    failing.close();
  }

  private CliRun replay(String... args) {
    List<String> all = new ArrayList<>(List.of("replay-local", "--target", target()));
    all.addAll(List.of(args));
    return CliRun.run(dir, Map.of(), all.toArray(String[]::new));
  }

  private String target() {
    return f.server.localUri().toString();
  }

  private List<Event> stored() {
    return f.engine
        .admin()
        .events(new EventQuery(null, null, null, null, null, 100, false))
        .items();
  }

  @Test
  void everyLineIsPostedWithTheConfiguredTokenAndCounted() {
    CliRun run = replay("shop.jsonl", "-y");

    assertThat(run.status).as(run.err).isZero();
    assertThat(run.out).contains("sent 2 event(s), 0 failed");
    List<Event> events = stored();
    assertThat(events).hasSize(4);
    assertThat(events.get(2).eventType()).isEqualTo("order.created");
    assertThat(new String(events.get(3).payload(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":2}");
  }

  @Test
  void linesAreFilteredByTypePrefixTimeAndStatus() throws IOException {
    CliRun typed = replay("shop.jsonl", "-y", "--event-type", "order.*", "--json");
    JsonNode answer = ServerJson.parseOrNull(typed.out.getBytes(StandardCharsets.UTF_8));
    assertThat(answer.get("sent").asInt()).isEqualTo(1);
    assertThat(stored()).hasSize(3);

    assertThat(replay("shop.jsonl", "-y", "--until", "2000-01-01").out)
        .contains("no lines to send");
    Files.writeString(
        dir.resolve("status.jsonl"),
        """
        {"source":"shop","event_type":"a.b","payload":{},"status":"dead"}
        {"source":"shop","event_type":"c.d","payload":{},"status":"completed"}
        """);
    assertThat(replay("status.jsonl", "-y", "--status", "dead").out).contains("sent 1 event(s)");
    assertThat(stored()).extracting(Event::eventType).contains("a.b").doesNotContain("c.d");
  }

  @Test
  void aBadLineFailsTheFileBeforeAnythingIsSentAndFailuresAreCounted() throws IOException {
    Files.writeString(
        dir.resolve("bad.jsonl"),
        """
        {"source":"shop","event_type":"a.b","payload":{}}

        {"event_type":"a.b","payload":{}}
        """);
    CliRun bad = replay("bad.jsonl", "-y");
    assertThat(bad.status).isEqualTo(1);
    assertThat(bad.err).contains("line 3: needs \"source\"");
    assertThat(stored()).hasSize(2);

    Files.writeString(
        dir.resolve("unknown.jsonl"),
        """
        {"source":"shop","event_type":"a.b","payload":{}}
        {"source":"nope","event_type":"a.b","payload":{}}
        """);
    CliRun partly = replay("unknown.jsonl", "-y");
    assertThat(partly.status).isEqualTo(1);
    assertThat(partly.out).contains("sent 1 event(s), 1 failed");
    assertThat(partly.err).contains("line 2 (nope/a.b): not_found");
  }

  @Test
  void itShowsWhatWillBeSentAndRefusesToAskWithoutATerminal() {
    CliRun asked = replay("shop.jsonl");

    assertThat(asked.status).isEqualTo(1);
    assertThat(asked.out)
        .contains("2 event(s) to send to " + target())
        .containsPattern("shop/order.created\\s+1");
    assertThat(asked.err).contains("stdin is not a terminal");
    assertThat(stored()).hasSize(2);

    CliRun wrongToken = replay("shop.jsonl", "-y", "--token", "x");
    assertThat(wrongToken.status).isEqualTo(1);
    assertThat(wrongToken.err).contains("unauthorized");
    assertThat(CliRun.run(dir, Map.of(), "replay-local").status).isEqualTo(2);
  }
}
