package dev.qhook.internal.cron;

import dev.qhook.config.ConfigException;
import dev.qhook.config.QHookConfig;
import dev.qhook.config.SourceConfig;
import dev.qhook.config.SourceType;
import dev.qhook.internal.time.EngineScheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires the ticks of the cron sources (docs/reference/configuration.md, "Cron sources"). Every
 * instance fires every tick; the tick's event carries the scheduled time as its idempotency key, so
 * the store keeps one event per tick and source and the other instances get a duplicate.
 *
 * <p>Ticks are computed from the time the ticker starts: ticks that fell while no instance ran are
 * skipped, not caught up. A tick whose event cannot be stored (database unreachable) is tried again
 * every second until the source's next tick is due; then it is given up, logged and counted. A tick
 * found more than {@link #MAX_LATENESS} late (the process was suspended) is skipped.
 *
 * <p>The timer runs on the engine's clock ({@link EngineScheduler}): on a test's stepped clock, a
 * move of the clock to a tick fires it before the move returns.
 */
public final class CronTicker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CronTicker.class);

  /** How late a tick may still fire. */
  static final Duration MAX_LATENESS = Duration.ofMinutes(1);

  /** The longest the timer sleeps before it looks at the clock again. */
  static final Duration MAX_SLEEP = Duration.ofSeconds(1);

  /** One tick of one source. */
  public record Tick(String source, Instant scheduledAt) {}

  /** What became of a tick. */
  public enum Result {
    /** Its event was stored by this instance. */
    STORED,
    /** Another instance (or an earlier try) stored it already. */
    DUPLICATE,
    /** Storing failed; it will be tried again. */
    FAILED,
    /** Given up: storing kept failing until the next tick, or it was found too late. */
    SKIPPED
  }

  /** Stores the event of a tick. */
  public interface TickSink {
    /**
     * @return true when the event was stored, false when it was a duplicate
     * @throws RuntimeException when it could not be stored
     */
    boolean store(Tick tick);
  }

  /** Receives the result of every tick, for metrics. */
  public interface TickObserver {
    void observe(String source, Result result);
  }

  private final List<SourceTicks> sources;
  private final Clock clock;
  private final TickSink sink;
  private final TickObserver observer;
  private final EngineScheduler timer;
  private volatile boolean closed;

  public CronTicker(
      QHookConfig config,
      Clock clock,
      TickSink sink,
      TickObserver observer,
      EngineScheduler timer) {
    this.clock = clock;
    this.sink = sink;
    this.observer = observer;
    this.sources = new ArrayList<>();
    for (SourceConfig source : config.sources().values()) {
      if (source.type() == SourceType.CRON) {
        sources.add(new SourceTicks(source.name(), schedule(source), source.timezone()));
      }
    }
    this.timer = timer;
  }

  /**
   * The source's schedule. A config loaded or built with the builders has checked it already; one
   * made with the record constructors is checked here.
   */
  private static CronSchedule schedule(SourceConfig source) {
    String path = "sources." + source.name() + ".schedule";
    String schedule = source.schedule();
    if (schedule == null) {
      throw new ConfigException(path, "required");
    }
    try {
      return CronSchedule.parse(schedule);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          path, "invalid cron expression '" + schedule + "': " + e.getMessage());
    }
  }

  /** Whether any cron source is configured. */
  public boolean hasSources() {
    return !sources.isEmpty();
  }

  /** Computes each source's first tick after now and starts the timer. */
  public void start() {
    if (sources.isEmpty()) {
      return;
    }
    plan(clock.instant());
    timer.schedule(this::runAndReschedule, Duration.ZERO);
  }

  /** Sets each source's next tick to its first occurrence after {@code now}. */
  synchronized void plan(Instant now) {
    for (SourceTicks source : sources) {
      source.due = source.after(now);
      source.failing = false;
    }
  }

  private void runAndReschedule() {
    if (closed) {
      return;
    }
    Instant now = clock.instant();
    Instant wake;
    try {
      wake = fireDue(now);
    } catch (RuntimeException e) {
      log.error("cron timer failed; trying again in a second", e);
      wake = now.plus(MAX_SLEEP);
    }
    long sleep = MAX_SLEEP.toMillis();
    if (wake != null) {
      sleep = Math.max(0, Math.min(sleep, Duration.between(clock.instant(), wake).toMillis()));
    }
    if (!closed) {
      timer.schedule(this::runAndReschedule, Duration.ofMillis(sleep));
    }
  }

  /**
   * Fires every tick due at {@code now}.
   *
   * @return when the next tick, or the next try of a failed one, is due; null when none will be
   */
  synchronized @Nullable Instant fireDue(Instant now) {
    Instant wake = null;
    for (SourceTicks source : sources) {
      Instant next = fireDue(source, now);
      if (next != null && (wake == null || next.isBefore(wake))) {
        wake = next;
      }
    }
    return wake;
  }

  private @Nullable Instant fireDue(SourceTicks source, Instant now) {
    while (source.due != null && !source.due.isAfter(now) && !closed) {
      Instant due = source.due;
      Instant following = source.after(due);
      if (Duration.between(due, now).compareTo(MAX_LATENESS) > 0) {
        log.warn(
            "cron source {}: tick {} skipped, found {} late", source.name, due, lateness(due, now));
        observer.observe(source.name, Result.SKIPPED);
        source.due = source.after(now);
        continue;
      }
      try {
        boolean stored = sink.store(new Tick(source.name, due));
        observer.observe(source.name, stored ? Result.STORED : Result.DUPLICATE);
        if (source.failing) {
          log.info("cron source {}: tick {} stored after failures", source.name, due);
        }
        source.failing = false;
        source.due = following;
      } catch (RuntimeException e) {
        observer.observe(source.name, Result.FAILED);
        if (following != null && !following.isAfter(now)) {
          log.warn("cron source {}: tick {} given up: {}", source.name, due, e.toString());
          observer.observe(source.name, Result.SKIPPED);
          source.failing = false;
          source.due = following;
          continue;
        }
        if (!source.failing) {
          log.warn(
              "cron source {}: tick {} not stored, trying again: {}",
              source.name,
              due,
              e.toString());
        }
        source.failing = true;
        Instant retry = now.plus(MAX_SLEEP);
        return following != null && following.isBefore(retry) ? following : retry;
      }
    }
    return source.due;
  }

  private static String lateness(Instant due, Instant now) {
    return Duration.between(due, now).toSeconds() + " s";
  }

  @Override
  public void close() {
    closed = true;
    timer.close();
    timer.awaitClosed(Duration.ofSeconds(5));
  }

  /** One source's schedule and the state of its next tick. */
  private static final class SourceTicks {
    final String name;
    final CronSchedule schedule;
    final ZoneId zone;
    @Nullable Instant due;
    boolean failing;

    SourceTicks(String name, CronSchedule schedule, ZoneId zone) {
      this.name = name;
      this.schedule = schedule;
      this.zone = zone;
    }

    @Nullable Instant after(Instant time) {
      return schedule
          .next(ZonedDateTime.ofInstant(time, zone), zone)
          .map(ZonedDateTime::toInstant)
          .orElse(null);
    }
  }
}
