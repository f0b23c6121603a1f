package dev.qhook.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.spi.TransportResult;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttemptOutcomeTest {
  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

  private static AttemptOutcome.Failure failureWithBody(String body) {
    TransportResult.Response response =
        new TransportResult.Response(500, Map.of(), body.getBytes(StandardCharsets.UTF_8), 5);
    return (AttemptOutcome.Failure) AttemptOutcome.classify(response, NOW);
  }

  @Test
  void keptFailureBodyIsCutAtACharacterBoundary() {
    String prefix = "a".repeat(AttemptOutcome.KEPT_BODY_BYTES - 1);
    // The euro sign takes 3 bytes: 1 inside the limit, 2 beyond it.
    AttemptOutcome.Failure failure = failureWithBody(prefix + "€ and more");

    assertThat(failure.responseBody()).isEqualTo(prefix);
  }

  @Test
  void aCharacterEndingExactlyAtTheLimitIsKept() {
    String prefix = "a".repeat(AttemptOutcome.KEPT_BODY_BYTES - 4);
    // U+1F600 takes 4 bytes and ends on the last kept byte.
    AttemptOutcome.Failure failure = failureWithBody(prefix + "\uD83D\uDE00" + "tail");

    assertThat(failure.responseBody()).isEqualTo(prefix + "\uD83D\uDE00");
  }

  @Test
  void aShortBodyIsKeptWhole() {
    assertThat(failureWithBody("zakaz: заказ €").responseBody()).isEqualTo("zakaz: заказ €");
  }
}
