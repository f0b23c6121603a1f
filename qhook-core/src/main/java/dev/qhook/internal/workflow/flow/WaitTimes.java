package dev.qhook.internal.workflow.flow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.config.WaitStep;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * When a wait step continues (docs/reference/configuration.md, "Step types"): {@code seconds} from
 * now, or the time at {@code timestamp_path} in the step's input: an RFC 3339 string ({@code
 * 2026-12-07T10:00:00Z}, {@code 2026-12-07 10:00:00.5+01:00}) or a number of unix seconds
 * (fractions allowed). A time in the past, a missing value or one that does not read as a time
 * continues at once, with a warning.
 */
public final class WaitTimes {
  private static final BigDecimal MILLIS_PER_SECOND = BigDecimal.valueOf(1000);

  /** Unix seconds beyond year 9999 either way do not read as a time. */
  private static final BigDecimal MAX_MILLIS = BigDecimal.valueOf(253_402_300_799_999L);

  private static final BigDecimal MIN_MILLIS = MAX_MILLIS.negate();

  private WaitTimes() {}

  /** When the step, starting at {@code now} with {@code input}, lets the run continue. */
  public static WaitTime until(WaitStep step, JsonNode input, Instant now) {
    Duration delay = step.delay();
    if (delay != null) {
      return new WaitTime(now.plus(delay), null);
    }
    String path = step.timestampPath();
    if (path == null) {
      throw new IllegalArgumentException("wait step '" + step.name() + "' has no time");
    }
    JsonNode value = DataFlow.resolve(input, path);
    String where = "wait step '" + step.name() + "': timestamp_path '" + path + "' ";
    if (value == null) {
      return new WaitTime(now, where + "found nothing; continuing at once");
    }
    Instant at = timestamp(value);
    if (at == null) {
      return new WaitTime(
          now,
          where
              + "is "
              + StepResults.text(value)
              + ", not an RFC 3339 time or unix seconds; continuing at once");
    }
    if (at.isBefore(now)) {
      return new WaitTime(now, where + "is " + at + ", in the past; continuing at once");
    }
    return new WaitTime(at, null);
  }

  /** An RFC 3339 string or a number of unix seconds as an instant, or null. */
  static @Nullable Instant timestamp(JsonNode value) {
    if (value.isTextual()) {
      return rfc3339(value.textValue());
    }
    if (value.isNumber()) {
      return unixSeconds(value);
    }
    return null;
  }

  private static @Nullable Instant rfc3339(String text) {
    if (text.length() < 11) {
      return null;
    }
    char separator = text.charAt(10);
    if (separator != 'T' && separator != 't' && separator != ' ') {
      return null;
    }
    String iso = text.substring(0, 10) + 'T' + text.substring(11).toUpperCase(Locale.ROOT);
    try {
      return OffsetDateTime.parse(iso, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static @Nullable Instant unixSeconds(JsonNode value) {
    if (!Double.isFinite(value.doubleValue())) {
      return null;
    }
    BigDecimal millis = value.decimalValue().multiply(MILLIS_PER_SECOND);
    if (millis.compareTo(MIN_MILLIS) < 0 || millis.compareTo(MAX_MILLIS) > 0) {
      return null;
    }
    return Instant.ofEpochMilli(millis.longValue());
  }
}
