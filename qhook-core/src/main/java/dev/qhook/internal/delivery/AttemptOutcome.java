package dev.qhook.internal.delivery;

import dev.qhook.config.ErrorClass;
import dev.qhook.spi.TransportResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/** One HTTP attempt, classified (docs/reference/http-api.md, "Outcome of a delivery"). */
public sealed interface AttemptOutcome {
  /**
   * Failure bodies are kept up to this many bytes, cut before a UTF-8 character that would not fit
   * whole.
   */
  int KEPT_BODY_BYTES = 1024;

  long durationMs();

  @Nullable Integer statusCode();

  record Success(int status, long durationMs) implements AttemptOutcome {
    @Override
    public Integer statusCode() {
      return status;
    }
  }

  record Failure(
      ErrorClass errorClass,
      String error,
      @Nullable Integer statusCode,
      @Nullable Duration retryAfter,
      @Nullable String responseBody,
      long durationMs)
      implements AttemptOutcome {}

  static AttemptOutcome classify(TransportResult result, Instant now) {
    if (result instanceof TransportResult.Response r) {
      if (r.isSuccess()) {
        return new Success(r.status(), r.durationMs());
      }
      int s = r.status();
      ErrorClass cls = s >= 400 && s < 500 ? ErrorClass.CLIENT_ERROR : ErrorClass.SERVER_ERROR;
      String error = s >= 300 && s < 400 ? "HTTP " + s + " (redirect not followed)" : "HTTP " + s;
      Duration retryAfter =
          r.header("retry-after").flatMap(v -> RetryAfter.parse(v, now)).orElse(null);
      return new Failure(cls, error, s, retryAfter, keptBody(r.body()), r.durationMs());
    }
    if (result instanceof TransportResult.Timeout t) {
      return new Failure(ErrorClass.TIMEOUT, t.message(), null, null, null, t.durationMs());
    }
    TransportResult.NetworkError n = (TransportResult.NetworkError) result;
    return new Failure(ErrorClass.NETWORK, n.message(), null, null, null, n.durationMs());
  }

  private static @Nullable String keptBody(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    byte[] kept = body.length > KEPT_BODY_BYTES ? Arrays.copyOf(body, cut(body)) : body;
    return new String(kept, StandardCharsets.UTF_8);
  }

  /**
   * Where to cut a body longer than the limit: at the limit, or before the character the limit
   * falls in (a UTF-8 continuation byte is {@code 10xxxxxx}; a character has at most three).
   */
  private static int cut(byte[] body) {
    int end = KEPT_BODY_BYTES;
    for (int back = 0; back < 3 && (body[end] & 0xC0) == 0x80; back++) {
      end--;
    }
    return (body[end] & 0xC0) == 0x80 ? KEPT_BODY_BYTES : end; // not UTF-8: cut at the limit
  }
}
