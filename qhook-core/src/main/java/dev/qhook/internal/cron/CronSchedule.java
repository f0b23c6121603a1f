package dev.qhook.internal.cron;

import com.cronutils.model.Cron;
import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A cron schedule, parsed and evaluated by cron-utils: 5 fields ({@code minute hour day-of-month
 * month day-of-week}) or 6 with leading seconds; lists, ranges, steps, {@code ?}, month names
 * ({@code JAN}) and day names ({@code MON-FRI}); day of week 0 or 7 is Sunday. When both day fields
 * are restricted a day matching either fires (as in Vixie cron). Also {@code @yearly}, {@code
 * @monthly}, {@code @weekly}, {@code @daily}, {@code @hourly}.
 *
 * <p>Daylight saving time: a local time that does not exist is skipped, and a local time that
 * occurs twice fires once, at its first occurrence. cron-utils skips the gap itself; the second
 * occurrence of a repeated time is dropped here (cron-utils fires schedules finer than an hour at
 * both).
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
  private static final String PARSER_PREFIX = "Failed to parse cron expression. ";
  private static final CronParser FIVE_FIELDS = new CronParser(definition(false));
  private static final CronParser SIX_FIELDS = new CronParser(definition(true));

  private final String text;
  private final ExecutionTime times;

  private CronSchedule(String text, Cron cron) {
    this.text = text;
    this.times = ExecutionTime.forCron(cron);
  }

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static CronSchedule parse(String text) {
    String trimmed = text.strip();
    String expanded = MACROS.getOrDefault(trimmed.toLowerCase(Locale.ROOT), trimmed);
    int fields = expanded.isEmpty() ? 0 : expanded.split("\\s+").length;
    if (fields != 5 && fields != 6) {
      throw new IllegalArgumentException(
          "expected 5 fields (minute hour day month weekday) or 6 with leading seconds, found "
              + fields);
    }
    CronParser parser = fields == 6 ? SIX_FIELDS : FIVE_FIELDS;
    try {
      // "?" means "any" as in Quartz; cron-utils would switch to Quartz's day semantics for it.
      String plainFields = expanded.toUpperCase(Locale.ROOT).replace('?', '*');
      return new CronSchedule(text, parser.parse(plainFields));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(plain(e.getMessage()), e);
    }
  }

  /**
   * The first fire time strictly after {@code after}, evaluated in {@code zone}. Empty if the
   * schedule never fires again (for example {@code 0 0 30 2 *}).
   */
  public Optional<ZonedDateTime> next(ZonedDateTime after, ZoneId zone) {
    // Whole seconds: cron-utils keeps the fraction of the time it starts from.
    ZonedDateTime from = after.withZoneSameInstant(zone).truncatedTo(ChronoUnit.SECONDS);
    for (int guard = 0; guard < 10_000; guard++) {
      Optional<ZonedDateTime> candidate = times.nextExecution(from);
      if (candidate.isEmpty() || !isRepeat(candidate.get())) {
        return candidate;
      }
      from = candidate.get();
    }
    return Optional.empty();
  }

  /** The second occurrence of a local time that the fall-back transition repeats. */
  private static boolean isRepeat(ZonedDateTime time) {
    return !time.withEarlierOffsetAtOverlap().toInstant().equals(time.toInstant());
  }

  private static CronDefinition definition(boolean seconds) {
    var builder = CronDefinitionBuilder.defineCron();
    if (seconds) {
      builder = builder.withSeconds().withValidRange(0, 59).withStrictRange().and();
    }
    return builder
        .withMinutes()
        .withValidRange(0, 59)
        .withStrictRange()
        .and()
        .withHours()
        .withValidRange(0, 23)
        .withStrictRange()
        .and()
        .withDayOfMonth()
        .withValidRange(1, 31)
        .withStrictRange()
        .and()
        .withMonth()
        .withValidRange(1, 12)
        .withStrictRange()
        .and()
        .withDayOfWeek()
        .withValidRange(0, 7)
        .withMondayDoWValue(1)
        .withIntMapping(7, 0)
        .withStrictRange()
        .and()
        .instance();
  }

  /** cron-utils' message without its generic prefix. */
  private static String plain(@Nullable String message) {
    if (message == null) {
      return "invalid cron expression";
    }
    return message.startsWith(PARSER_PREFIX) ? message.substring(PARSER_PREFIX.length()) : message;
  }

  @Override
  public String toString() {
    return text;
  }
}
