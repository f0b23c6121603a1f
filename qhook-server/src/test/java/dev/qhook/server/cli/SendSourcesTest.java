package dev.qhook.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.spi.Event;
import dev.qhook.spi.EventQuery;
import dev.qhook.testkit.RecordingReceiver;
import dev.qhook.testkit.RecordingReceiver.RecordedRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code qhook send} to a cron source (a tick now, through {@code POST /api/sources/{source}/tick})
 * and to SNS sources (an SNS Notification envelope when the source skips signature checks; a clear
 * refusal when only AWS could sign).
 */
class SendSourcesTest {
  private static final String YAML =
      """
      database: { url: sqlite:qhook.db }
      api: { auth_token: tok }
      server: { host: 127.0.0.1, port: PORT, allow_private_urls: true }
      sources:
        nightly: { type: cron, schedule: "0 0 1 1 *" }
        emulated: { type: sns, skip_verify: true }
        aws: { type: sns, topic_arns: ["arn:aws:sns:us-east-1:123456789012:orders"] }
      handlers:
        ticks: { source: nightly, url: URL }
        notes: { source: emulated, url: URL }
      """;

  @TempDir Path dir;
  private RecordingReceiver receiver;
  private CliFixture f;

  @BeforeEach
  void start() throws IOException {
    receiver = RecordingReceiver.start();
    String yaml = YAML.replace("URL", receiver.url("/in"));
    f = CliFixture.start(dir, yaml.replace("port: PORT, ", ""));
    Files.writeString(
        dir.resolve("send.yaml"),
        yaml.replace("PORT", Integer.toString(f.server.localUri().getPort())),
        StandardCharsets.UTF_8);
  }

  @AfterEach
  void stop() {
    f.close();
    receiver.close();
  }

  private CliRun send(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "send";
    all[1] = "-c";
    all[2] = "send.yaml";
    System.arraycopy(args, 0, all, 3, args.length);
    return CliRun.run(dir, Map.of(), all);
  }

  private List<Event> stored(String source) {
    return f.engine
        .admin()
        .events(new EventQuery(source, null, null, null, null, 10, false))
        .items();
  }

  @Test
  void aCronSourceTicksNowWithTheScheduledTicksPayload() {
    CliRun run = send("-s", "nightly", "-t", "cron.tick");

    assertThat(run.status).as(run.err).isZero();
    assertThat(run.out).contains("status: 200").contains("jobs_created: 1");
    RecordedRequest delivered = receiver.awaitRequests(1, Duration.ofSeconds(10)).get(0);
    assertThat(delivered.bodyText()).startsWith("{\"source\":\"nightly\",\"fired_at\":\"");
    assertThat(stored("nightly")).extracting(Event::eventType).containsExactly("cron.tick");

    CliRun otherType = send("-s", "nightly", "-t", "nightly.run");
    assertThat(otherType.status).isEqualTo(1);
    assertThat(otherType.err).contains("'nightly' is a cron source: its events are cron.tick");
    assertThat(send("-s", "nightly", "-t", "cron.tick", "{\"a\":1}").status).isEqualTo(1);
    assertThat(send("-s", "nightly", "-t", "cron.tick", "--dry-run").out)
        .contains("handler ticks")
        .contains("1 consumer(s) match");
  }

  @Test
  void anSnsSourceThatSkipsSignaturesGetsTheJsonAsTheMessageOfANotification() {
    CliRun run = send("-s", "emulated", "-t", "order.created", "{\"n\":1}");

    assertThat(run.status).as(run.err).isZero();
    assertThat(run.out).contains("status: 200").contains("jobs_created: 1");
    assertThat(receiver.awaitRequests(1, Duration.ofSeconds(10)).get(0).bodyText())
        .isEqualTo("{\"n\":1}");
    Event event = stored("emulated").get(0);
    assertThat(event.eventType()).isEqualTo("order.created");
  }

  @Test
  void anSnsSourceCheckingAwsSignaturesIsRefusedWithTheReason() {
    CliRun run = send("-s", "aws", "-t", "order.created");

    assertThat(run.status).isEqualTo(1);
    assertThat(run.err)
        .contains("source 'aws' checks AWS signatures, which only AWS can make")
        .contains("skip_verify: true");
    assertThat(stored("aws")).isEmpty();
  }
}
