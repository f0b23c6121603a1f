package dev.qhook.internal.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchBodyTest {

  private static List<BatchBody.Entry> parse(String body) throws BatchBody.Refused {
    return BatchBody.parse(body.getBytes(StandardCharsets.UTF_8), 3);
  }

  private static String payloadOf(BatchBody.Entry entry) {
    return new String(((BatchBody.Valid) entry).payload(), StandardCharsets.UTF_8);
  }

  @Test
  void payloadsAreKeptByteForByteWhateverTheirJsonKind() throws Exception {
    List<BatchBody.Entry> entries =
        parse(
            """
            [ {"type":"a","payload": {"n": 1.50, "s": "x\\"}", "deep": [1, {"k": []}]} },
              {"payload":"caf\\u00e9 \u00e9","type":"b","idempotency_key":"k-1"},
              {"type":"c","payload":-12.3e+4}]""");

    assertThat(entries).hasSize(3);
    assertThat(payloadOf(entries.get(0)))
        .isEqualTo("{\"n\": 1.50, \"s\": \"x\\\"}\", \"deep\": [1, {\"k\": []}]}");
    assertThat(payloadOf(entries.get(1))).isEqualTo("\"caf\\u00e9 \u00e9\"");
    assertThat(((BatchBody.Valid) entries.get(1)).idempotencyKey()).isEqualTo("k-1");
    assertThat(((BatchBody.Valid) entries.get(1)).type()).isEqualTo("b");
    assertThat(payloadOf(entries.get(2))).isEqualTo("-12.3e+4");
    assertThat(((BatchBody.Valid) entries.get(2)).idempotencyKey()).isNull();
  }

  @Test
  void scalarPayloadsEndWhereTheirTokenEnds() throws Exception {
    List<BatchBody.Entry> entries =
        parse(
            "[{\"type\":\"a\",\"payload\":true},{\"type\":\"a\",\"payload\":null},"
                + "{\"type\":\"a\",\"payload\":42 ,\"idempotency_key\":null}]");

    assertThat(entries).extracting(BatchBodyTest::payloadOf).containsExactly("true", "null", "42");
  }

  @Test
  void anEntryThatIsNotAnEventIsMalformedAloneSayingWhy() throws Exception {
    List<BatchBody.Entry> entries = parse("[{\"payload\":{}}, {\"type\":7,\"payload\":{}}, [1,2]]");

    assertThat(entries)
        .containsExactly(
            new BatchBody.Malformed("type: is required"),
            new BatchBody.Malformed("type: must be a string, was a number"),
            new BatchBody.Malformed("an entry must be a JSON object, was an array"));
    assertThat(parse("[{\"type\":\"a\"}, {\"type\":\"a\",\"payload\":1,\"payload\":2}]"))
        .containsExactly(
            new BatchBody.Malformed("payload: is required (any JSON value, null included)"),
            new BatchBody.Malformed("field 'payload' appears twice"));
    assertThat(parse("[{\"type\":\"a\",\"payload\":1,\"headers\":{}}]"))
        .containsExactly(
            new BatchBody.Malformed(
                "unknown field 'headers' (an entry has type, payload and idempotency_key)"));
    assertThat(parse("[{\"type\":\"a\",\"payload\":1,\"idempotency_key\":5}]"))
        .containsExactly(
            new BatchBody.Malformed("idempotency_key: must be a string, was a number"));
  }

  @Test
  void aBodyThatIsNotABatchIsRefusedWhole() {
    assertThatThrownBy(() -> parse("{\"type\":\"a\",\"payload\":1}"))
        .isInstanceOf(BatchBody.Refused.class)
        .hasMessage("request body must be a JSON array of events");
    assertThatThrownBy(() -> parse("[]"))
        .isInstanceOf(BatchBody.Refused.class)
        .hasMessage("a batch holds at least one event");
    assertThatThrownBy(() -> parse("[1,2,3,4]"))
        .isInstanceOf(BatchBody.Refused.class)
        .hasMessage("a batch holds at most 3 events");
    assertThatThrownBy(() -> parse("[1] [2]"))
        .isInstanceOf(BatchBody.Refused.class)
        .hasMessage("request body has more after the JSON array");
    assertThatThrownBy(() -> parse("[{\"type\":\"a\",\"payload\":{]"))
        .isInstanceOf(BatchBody.Refused.class)
        .hasMessageStartingWith("request body is not valid JSON (at line 1, column ");
    assertThatThrownBy(() -> parse(""))
        .isInstanceOf(BatchBody.Refused.class)
        .hasMessage("request body must be a JSON array of events");
  }
}
