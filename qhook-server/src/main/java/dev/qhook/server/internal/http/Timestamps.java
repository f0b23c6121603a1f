package dev.qhook.server.internal.http;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** Timestamps as the API writes and reads them (docs/reference/http-api.md, "Conventions"). */
public final class Timestamps {
  private static final DateTimeFormatter WRITTEN =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Timestamps() {}

  /** RFC 3339 UTC with milliseconds and {@code Z}: {@code 2026-03-29T10:15:30.123Z}. */
  public static @Nullable String format(@Nullable Instant instant) {
    return instant == null ? null : WRITTEN.format(instant);
  }

  /**
   * Parses RFC 3339 (a missing offset means UTC) or a plain date {@code YYYY-MM-DD} (midnight UTC).
   *
   * @throws IllegalArgumentException naming the accepted forms
   */
  public static Instant parse(String text) {
    String t = text.trim();
    try {
      if (t.length() == 10) {
        return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      if (hasOffset(t)) {
        return OffsetDateTime.parse(t).toInstant();
      }
      return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "invalid timestamp '" + text + "' (expected RFC 3339 or YYYY-MM-DD)");
    }
  }

  private static boolean hasOffset(String t) {
    if (t.endsWith("Z") || t.endsWith("z")) {
      return true;
    }
    int time = t.indexOf('T');
    return time > 0 && (t.indexOf('+', time) > 0 || t.indexOf('-', time) > 0);
  }
}
