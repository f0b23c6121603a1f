package dev.qhook.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The byte-level helpers: what the fuzzer sends, what it reads back, what the receiver logs. */
class WireTest {
  @Test
  void aChunkedRequestFramesItsBody() {
    FuzzRequest request =
        new FuzzRequest(
            "event",
            "POST",
            "/events/app/x",
            List.of(Map.entry("ce-type", "a\u0001b")),
            "{\"a\":1}".getBytes(StandardCharsets.UTF_8),
            true,
            null);

    String wire = new String(request.bytes("h:1"), StandardCharsets.ISO_8859_1);

    assertThat(wire)
        .startsWith("POST /events/app/x HTTP/1.1\r\nHost: h:1\r\nConnection: close\r\n")
        .contains("ce-type: a\u0001b\r\n")
        .contains("Transfer-Encoding: chunked\r\n\r\n4\r\n{\"a\"\r\n2\r\n:1\r\n1\r\n}\r\n0\r\n\r\n")
        .doesNotContain("Content-Length");
    assertThat(FuzzRequest.visible("a\u0001b\u007f")).isEqualTo("a\\x01b\\x7F");
  }

  @Test
  void answersAreParsedOrReportedAsMissing() {
    RawHttp.Answer ok =
        RawHttp.parse(
            "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 30\r\n\r\n{}"
                .getBytes(StandardCharsets.ISO_8859_1),
            "");
    assertThat(ok.status()).isEqualTo(503);
    assertThat(ok.hasHeader("retry-after")).isTrue();
    assertThat(ok.body()).isEqualTo("{}");
    assertThat(
            RawHttp.parse(
                    "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 202 Accepted\r\n\r\n{}"
                        .getBytes(StandardCharsets.ISO_8859_1),
                    "")
                .status())
        .isEqualTo(202);
    assertThat(RawHttp.parse(new byte[0], "").answered()).isFalse();
    assertThat(RawHttp.parse(new byte[0], "timeout").problem()).isEqualTo("timeout");
  }

  @Test
  void theReceiverLogsDeliveryEventAndPayloadKey() {
    byte[] body = Producer.body("r-0-7", 7);

    assertThat(KeyReceiver.line("d1", "e1", body)).isEqualTo("d1\te1\tr-0-7");
    assertThat(KeyReceiver.line(null, "", "not json".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("-\t-\t-");
  }

  @Test
  void metricsAddUpEveryLabelSet() {
    String text =
        "# HELP x\nqhook_circuit_breaker_rejected_total{handler=\"a\"} 3.0\n"
            + "qhook_circuit_breaker_rejected_total{handler=\"b\"} 4.0\nqhook_dead_jobs NaN\n";

    assertThat(Metrics.sum(text, "qhook_circuit_breaker_rejected_total")).isEqualTo(7.0);
    assertThat(Metrics.sum(text, "qhook_dead_jobs")).isZero();
    assertThat(Metrics.sum(text, "absent")).isZero();
  }
}
