package dev.qhook.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.verify.VerificationResult.Reason;
import dev.qhook.verify.VerificationResult.Rejected;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** Small helpers shared by the verifier tests. */
final class Fixtures {
  private Fixtures() {}

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static Clock clockAt(Instant instant) {
    return Clock.fixed(instant, ZoneOffset.UTC);
  }

  static Clock clockAtEpochSecond(long seconds) {
    return clockAt(Instant.ofEpochSecond(seconds));
  }

  static WebhookRequest request(String body, Map<String, String> headers) {
    return WebhookRequest.of(utf8(body), headers);
  }

  static byte[] resource(String path) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/" + path)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void assertVerified(VerificationResult result) {
    assertThat(result).isEqualTo(VerificationResult.verified());
  }

  static void assertRejected(VerificationResult result, Reason reason) {
    assertThat(result).isInstanceOf(Rejected.class);
    assertThat(((Rejected) result).reason()).isEqualTo(reason);
  }
}
