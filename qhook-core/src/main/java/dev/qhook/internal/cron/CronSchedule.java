package dev.qhook.internal.cron;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A cron schedule: 5 fields ({@code minute hour day-of-month month day-of-week})
 * or 6 with leading seconds; lists, ranges, steps, {@code ?}, month names ({@code JAN}) and day
 * names ({@code MON-FRI}); day of week 0 or 7 is Sunday. When both day fields are restricted a day
 * matching either fires (as in Vixie cron). Also {@code @yearly}, {@code @monthly}, {@code
 * @weekly}, {@code @daily}, {@code @hourly}.
 */
public final class CronSchedule {
  private static final Map<String, String> MACROS =
      Map.of(
          "@yearly", "0 0 1 1 *",
          "@annually", "0 0 1 1 *",
          "@monthly", "0 0 1 * *",
          "@weekly", "0 0 * * 0",
          "@daily", "0 0 * * *",
          "@midnight", "0 0 * * *",
          "@hourly", "0 * * * *");
  private static final int SEARCH_YEARS = 8;

  private final String text;
  private final CronField seconds;
  private final CronField minutes;
  private final CronField hours;
  private final CronField daysOfMonth;
  private final CronField months;
  private final CronField daysOfWeek;

  private CronSchedule(String text, String[] f) {
    this.text = text;
    int o = f.length == 6 ? 1 : 0;
    this.seconds =
        o == 1
            ? CronField.parse(f[0], "seconds", 0, 59, List.of(), 0)
            : CronField.parse("0", "seconds", 0, 59, List.of(), 0);
    this.minutes = CronField.parse(f[o], "minute", 0, 59, List.of(), 0);
    this.hours = CronField.parse(f[o + 1], "hour", 0, 23, List.of(), 0);
    this.daysOfMonth = CronField.parse(f[o + 2], "day-of-month", 1, 31, List.of(), 0);
    this.months = CronField.parse(f[o + 3], "month", 1, 12, CronField.MONTHS, 1);
    this.daysOfWeek = CronField.parse(f[o + 4], "day-of-week", 0, 7, CronField.DAYS, 0);
  }

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static CronSchedule parse(String text) {
    String trimmed = text.strip();
    String expanded = MACROS.getOrDefault(trimmed.toLowerCase(Locale.ROOT), trimmed);
    String[] fields = expanded.isEmpty() ? new String[0] : expanded.split("\\s+");
    if (fields.length != 5 && fields.length != 6) {
      throw new IllegalArgumentException(
          "expected 5 fields (minute hour day month weekday) or 6 with leading seconds, found "
              + fields.length);
    }
    return new CronSchedule(text, fields);
  }

  /**
   * The first fire time strictly after {@code after}, evaluated in {@code zone}: a local time that
   * does not exist (DST gap) is skipped, a repeated one fires once (at its first occurrence). Empty
   * if nothing fires within eight years (for example {@code 0 0 30 2 *}).
   */
  public Optional<ZonedDateTime> next(ZonedDateTime after, ZoneId zone) {
    LocalDateTime start = after.withZoneSameInstant(zone).toLocalDateTime();
    LocalDate day = start.toLocalDate().minusDays(1);
    LocalDate last = day.plusYears(SEARCH_YEARS);
    LocalDateTime floor = start.minusHours(3); // earliest local time that can follow `after`
    for (; !day.isAfter(last); day = day.plusDays(1)) {
      if (!dayMatches(day)) {
        continue;
      }
      for (int h = hours.allowed().nextSetBit(0); h >= 0; h = hours.allowed().nextSetBit(h + 1)) {
        if (day.atTime(h, 59, 59).isBefore(floor)) {
          continue;
        }
        for (int m = minutes.allowed().nextSetBit(0);
            m >= 0;
            m = minutes.allowed().nextSetBit(m + 1)) {
          for (int s = seconds.allowed().nextSetBit(0);
              s >= 0;
              s = seconds.allowed().nextSetBit(s + 1)) {
            LocalDateTime local = day.atTime(h, m, s);
            if (local.isBefore(floor)) {
              continue;
            }
            if (zone.getRules().getValidOffsets(local).isEmpty()) {
              continue;
            }
            ZonedDateTime candidate = ZonedDateTime.ofLocal(local, zone, null);
            if (candidate.toInstant().isAfter(after.toInstant())) {
              return Optional.of(candidate);
            }
          }
        }
      }
    }
    return Optional.empty();
  }

  private boolean dayMatches(LocalDate day) {
    if (!months.has(day.getMonthValue())) {
      return false;
    }
    boolean domMatch = daysOfMonth.has(day.getDayOfMonth());
    int dow = day.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : day.getDayOfWeek().getValue();
    boolean dowMatch = daysOfWeek.has(dow) || (dow == 0 && daysOfWeek.has(7));
    if (daysOfMonth.unrestricted()) {
      return dowMatch;
    }
    if (daysOfWeek.unrestricted()) {
      return domMatch;
    }
    return domMatch || dowMatch;
  }

  @Override
  public String toString() {
    return text;
  }
}
