package dev.qhook.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qhook.server.internal.logging.JsonLineEncoder;
import dev.qhook.testkit.RecordingReceiver;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * {@code QHOOK_LOG_FORMAT=json} on a real delivery (docs/reference/cli.md, "Logging"): the line a
 * dead job writes is one JSON object carrying the job's {@code job_id}, {@code event_id} and {@code
 * handler}, from the worker thread's logging context; the ingest line carries the event's {@code
 * event_id}, {@code source} and {@code event_type}.
 */
class JsonDeliveryLogTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aDeliveryLineIsOneJsonObjectWithTheJobAndEventIds() throws Exception {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    JsonLineEncoder encoder = new JsonLineEncoder();
    encoder.setContext(context);
    encoder.start();
    OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    appender.setContext(context);
    appender.setName("json-capture");
    appender.setEncoder(encoder);
    appender.setOutputStream(captured);
    appender.start();
    Logger qhook = context.getLogger("dev.qhook");
    qhook.addAppender(appender);
    Logger ingest = context.getLogger("dev.qhook.internal.ingest");
    ingest.setLevel(Level.DEBUG);
    try (RecordingReceiver receiver = RecordingReceiver.start();
        RunningServer server =
            RunningServer.start(
                new TestConfig()
                    .eventSource("app")
                    .handler("billing", "app", receiver.url("/h"), TestConfig.attempts(1)))) {
      receiver.respondWith(500);
      String eventId =
          RunningServer.json(server.post("/events/app/x", "{}")).get("event_id").asText();

      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> line(captured, eventId, "is dead") != null);
      JsonNode line = line(captured, eventId, "is dead");

      assertThat(line.get("level").asText()).isEqualTo("WARN");
      assertThat(line.get("logger").asText()).startsWith("dev.qhook.");
      assertThat(line.get("timestamp").asText()).endsWith("Z");
      assertThat(line.get("handler").asText()).isEqualTo("billing");
      String jobId = line.get("job_id").asText();
      assertThat(jobId).isNotBlank();
      assertThat(server.engine.admin().job(jobId))
          .hasValueSatisfying(job -> assertThat(job.eventId()).isEqualTo(eventId));

      JsonNode stored = line(captured, eventId, "stored with");
      assertThat(stored.get("level").asText()).isEqualTo("DEBUG");
      assertThat(stored.get("source").asText()).isEqualTo("app");
      assertThat(stored.get("event_type").asText()).isEqualTo("x");
    } finally {
      ingest.setLevel(null);
      qhook.detachAppender(appender);
      appender.stop();
    }
  }

  /** The first captured line about the event whose message contains {@code text}, or null. */
  private static JsonNode line(ByteArrayOutputStream captured, String eventId, String text)
      throws Exception {
    String all = captured.toString(StandardCharsets.UTF_8); // whole lines: one write each
    List<JsonNode> lines = new ArrayList<>();
    for (String line : all.split("\n")) {
      if (!line.isBlank()) {
        lines.add(JSON.readTree(line));
      }
    }
    return lines.stream()
        .filter(l -> eventId.equals(l.path("event_id").asText()))
        .filter(l -> l.get("message").asText().contains(text))
        .findFirst()
        .orElse(null);
  }
}
