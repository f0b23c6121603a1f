package dev.qhook.internal.config;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRulesProvider;
import org.jspecify.annotations.Nullable;

/** Cron {@code timezone} values: {@code UTC}, {@code +HH:MM}/{@code -HH:MM}, or an IANA zone. */
final class Timezones {
  private Timezones() {}

  static @Nullable ZoneId parse(String text) {
    if (text.equals("UTC")) {
      return ZoneOffset.UTC;
    }
    if (text.matches("[+-]\\d\\d:\\d\\d")) {
      try {
        return ZoneOffset.of(text);
      } catch (java.time.DateTimeException e) {
        return null;
      }
    }
    return ZoneRulesProvider.getAvailableZoneIds().contains(text) ? ZoneId.of(text) : null;
  }
}
