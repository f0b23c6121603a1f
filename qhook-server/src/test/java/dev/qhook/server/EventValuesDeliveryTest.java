package dev.qhook.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qhook.config.QHookConfig;
import dev.qhook.testkit.RecordingReceiver;
import dev.qhook.testkit.RecordingReceiver.RecordedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Regression (issue 10, item 1): every accepted event is deliverable. Values outside printable
 * ASCII in the event type and {@code ce-*} headers travel percent-encoded and are named in {@code
 * X-Qhook-Encoded-Headers} (docs/reference/http-api.md, "Header values outside printable ASCII");
 * control characters are refused at ingest with {@code 400 bad_request}.
 */
class EventValuesDeliveryTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String YAML =
      """
      server: { allow_private_urls: true }
      sources:
        app: { type: event }
        topic: { type: sns, skip_verify: true }
      handlers:
        app-all: { source: app, url: RECEIVER/app, retry: { max: 1 } }
        topic-all: { source: topic, url: RECEIVER/topic, retry: { max: 1 } }
      """;

  private RecordingReceiver receiver;
  private RunningServer server;

  @BeforeEach
  void start() {
    receiver = RecordingReceiver.start();
    server =
        RunningServer.start(
            QHookConfig.fromYaml(YAML.replace("RECEIVER", receiver.url(""))),
            UnaryOperator.identity(),
            UnaryOperator.identity());
  }

  @AfterEach
  void stop() {
    server.close();
    receiver.close();
  }

  /** The documented rule: decode the values of the headers that X-Qhook-Encoded-Headers names. */
  private static String decoded(RecordedRequest request, String header) {
    String encoded = request.header("x-qhook-encoded-headers");
    List<String> names =
        encoded == null
            ? List.of()
            : Arrays.stream(encoded.split(",")).map(n -> n.trim().toLowerCase()).toList();
    String value = request.header(header);
    return names.contains(header.toLowerCase())
        ? URLDecoder.decode(value, StandardCharsets.UTF_8)
        : value;
  }

  @Test
  void aCyrillicEventTypeFromThePathIsDeliveredAndRecoverable() {
    HttpResponse<String> response =
        server.post("/events/app/%D0%B7%D0%B0%D0%BA%D0%B0%D0%B7", "{}", "X-Ignored", "1");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    RecordedRequest delivered = receiver.awaitRequests(1, WAIT).get(0);
    assertThat(delivered.header("x-qhook-event-type")).isEqualTo("%D0%B7%D0%B0%D0%BA%D0%B0%D0%B7");
    assertThat(decoded(delivered, "X-Qhook-Event-Type")).isEqualTo("заказ");
  }

  @Test
  void anSnsSubjectWithAnEnDashAndAEuroSignIsDeliveredAndRecoverable() {
    String body =
        """
        {"Type": "Notification", "MessageId": "m-1", "Subject": "Invoice – €5",
         "TopicArn": "arn:aws:sns:local:000000000000:orders", "Message": "paid",
         "Timestamp": "2026-03-01T12:00:00Z", "SignatureVersion": "1",
         "Signature": "unsigned", "SigningCertURL": "http://localhost/x"}
        """;
    HttpResponse<String> response =
        server.post(
            "/sns/topic",
            body.getBytes(StandardCharsets.UTF_8),
            Map.of("Content-Type", "text/plain; charset=UTF-8"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    RecordedRequest delivered = receiver.awaitRequests(1, WAIT).get(0);
    assertThat(decoded(delivered, "X-Qhook-Event-Type")).isEqualTo("Invoice – €5");
  }

  /** The header arrives as the Latin-1 byte E9 (the JDK client would send '?' instead). */
  @Test
  void aLatinOneCeHeaderIsDeliveredAsUtf8AndRecoverable() throws IOException {
    String answer = rawPost("/events/app/order.created", "ce-subject: café");

    assertThat(answer).startsWith("HTTP/1.1 202");
    RecordedRequest delivered = receiver.awaitRequests(1, WAIT).get(0);
    assertThat(delivered.header("ce-subject")).isEqualTo("caf%C3%A9");
    assertThat(decoded(delivered, "ce-subject")).isEqualTo("café");
    assertThat(delivered.header("x-qhook-event-type")).isEqualTo("order.created");
  }

  @Test
  void aControlCharacterInACeHeaderIsRefusedNamingTheHeader() throws IOException {
    String answer = rawPost("/events/app/order.created", "ce-note: a\u0001b");

    assertThat(answer).startsWith("HTTP/1.1 400");
    JsonNode error = jsonBody(answer);
    assertThat(error.get("code").asText()).isEqualTo("bad_request");
    assertThat(error.get("message").asText())
        .isEqualTo("header ce-note: must not contain control characters (U+0001 at index 1)");
    assertThat(server.allEvents()).isEmpty();
  }

  @Test
  void aControlCharacterInTheEventTypeIsRefusedNamingIt() {
    HttpResponse<String> response = server.post("/events/app/order%0Acreated", "{}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode error = RunningServer.json(response);
    assertThat(error.get("code").asText()).isEqualTo("bad_request");
    assertThat(error.get("message").asText())
        .isEqualTo("event type: must not contain control characters (U+000A at index 5)");
    assertThat(server.allEvents()).isEmpty();
  }

  /** The JDK client refuses control characters in headers: one request over a plain socket. */
  private String rawPost(String path, String header) throws IOException {
    URI base = server.uri("/");
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST "
                  + path
                  + " HTTP/1.1\r\nHost: localhost\r\n"
                  + header
                  + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
                  + "Connection: close\r\n\r\n{}")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The JSON body of a raw answer (sent with a Content-Length, or chunked in one piece). */
  private static JsonNode jsonBody(String raw) throws IOException {
    String body = raw.substring(raw.indexOf("\r\n\r\n") + 4);
    return new ObjectMapper()
        .readTree(body.substring(body.indexOf('{'), body.lastIndexOf('}') + 1));
  }
}
