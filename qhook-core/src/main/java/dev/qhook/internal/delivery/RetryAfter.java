package dev.qhook.internal.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Parses a {@code Retry-After} header (docs/reference/http-api.md, "Outcome of a delivery"):
 * seconds or an HTTP-date, clamped 1 s - 24 h.
 */
public final class RetryAfter {
  static final Duration MIN = Duration.ofSeconds(1);
  static final Duration MAX = Duration.ofHours(24);

  private RetryAfter() {}

  public static Optional<Duration> parse(String value, Instant now) {
    String v = value.trim();
    Duration d;
    if (!v.isEmpty() && v.chars().allMatch(Character::isDigit)) {
      d = v.length() > 9 ? MAX : Duration.ofSeconds(Long.parseLong(v));
    } else {
      try {
        Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        d = Duration.between(now, at);
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }
    if (d.compareTo(MIN) < 0) {
      return Optional.of(MIN);
    }
    return Optional.of(d.compareTo(MAX) > 0 ? MAX : d);
  }
}
