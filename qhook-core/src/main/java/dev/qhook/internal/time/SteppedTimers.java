package dev.qhook.internal.time;

import static java.util.Objects.requireNonNull;

import dev.qhook.spi.SteppedClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One timeline for every scheduler of an engine on a {@link SteppedClock}. Each move of the clock
 * runs, on the moving thread and one at a time, the tasks due at the clock's new time, in due order
 * (ties in the order they were scheduled), then the {@link #afterMove} hooks. A task scheduled
 * while a move runs its tasks, or scheduled in the past, runs at the next move; a periodic task
 * runs once per move however many periods the move passed, and is then due at its next period after
 * the clock's time.
 */
final class SteppedTimers implements Timers {
  private static final Logger log = LoggerFactory.getLogger(SteppedTimers.class);

  private final Clock clock;
  private final List<Runnable> afterMove = new CopyOnWriteArrayList<>();
  private final ReentrantLock running = new ReentrantLock();
  private final PriorityQueue<Entry> queue =
      new PriorityQueue<>(
          Comparator.comparing((Entry e) -> e.due).thenComparingLong(e -> e.sequence));
  private long sequence; // guarded by this
  private SteppedClock.@Nullable Registration registration;

  private SteppedTimers(Clock clock) {
    this.clock = clock;
  }

  static SteppedTimers listeningTo(Clock clock, SteppedClock stepped) {
    SteppedTimers timers = new SteppedTimers(clock);
    timers.registration = stepped.onChange(timers::moved);
    return timers;
  }

  @Override
  public EngineScheduler scheduler(ThreadFactory threads) {
    return new View();
  }

  @Override
  public EngineScheduler over(ScheduledExecutorService timer) {
    return new View(); // the caller's timer keeps its other work; it shuts it down itself
  }

  @Override
  public void afterMove(Runnable hook) {
    afterMove.add(requireNonNull(hook, "hook"));
  }

  @Override
  public void close() {
    SteppedClock.Registration r = registration;
    if (r != null) {
      r.cancel();
    }
    synchronized (this) {
      queue.clear();
    }
  }

  /** The clock moved: runs what is due now, then the hooks. */
  void moved() {
    running.lock();
    try {
      Instant now = clock.instant();
      for (Entry e : takeDue(now)) {
        if (e.cancelled || e.owner.closed) {
          continue;
        }
        run(e.task);
        if (e.period != null && !e.cancelled && !e.owner.closed) {
          e.due = nextAfter(e.due, e.period, now);
          add(e);
        }
      }
    } finally {
      running.unlock();
    }
    afterMove.forEach(SteppedTimers::run);
  }

  private synchronized List<Entry> takeDue(Instant now) {
    List<Entry> due = new ArrayList<>();
    while (!queue.isEmpty() && !queue.peek().due.isAfter(now)) {
      due.add(queue.poll());
    }
    return due;
  }

  /** The first of {@code due + k * period} (k >= 1) after {@code now}. */
  static Instant nextAfter(Instant due, Duration period, Instant now) {
    Instant next = due.plus(period);
    if (next.isAfter(now)) {
      return next;
    }
    long p = period.toNanos();
    long periods = Duration.between(due, now).toNanos() / p + 1;
    return due.plusNanos(periods * p);
  }

  private static void run(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      log.warn("timed task failed: {}", e.toString());
    } catch (Error e) { // the timeline keeps its other tasks
      log.error("timed task failed", e);
    }
  }

  private synchronized Entry add(Entry e) {
    if (!e.owner.closed) {
      e.sequence = sequence++;
      queue.add(e);
    }
    return e;
  }

  private synchronized void remove(Entry e) {
    queue.remove(e);
  }

  /**
   * One scheduled task. {@code due} and {@code sequence} change only while it is out of the queue.
   */
  private static final class Entry {
    final View owner;
    final Runnable task;
    final @Nullable Duration period;
    Instant due;
    long sequence;
    volatile boolean cancelled;

    Entry(View owner, Runnable task, Instant due, @Nullable Duration period) {
      this.owner = owner;
      this.task = requireNonNull(task, "task");
      this.due = due;
      this.period = period;
    }
  }

  /** One component's scheduler: its tasks on the shared timeline. */
  private final class View implements EngineScheduler {
    volatile boolean closed;

    @Override
    public Scheduled schedule(Runnable task, Duration delay) {
      return handle(add(new Entry(this, task, clock.instant().plus(delay), null)));
    }

    @Override
    public Scheduled scheduleEvery(Runnable task, Duration initialDelay, Duration period) {
      RealTimeScheduler.requirePositive(period);
      return handle(add(new Entry(this, task, clock.instant().plus(initialDelay), period)));
    }

    private Scheduled handle(Entry e) {
      return () -> {
        e.cancelled = true;
        remove(e);
      };
    }

    @Override
    public void close() {
      closed = true;
      synchronized (SteppedTimers.this) {
        queue.removeIf(e -> e.owner == this);
      }
    }

    @Override
    public void awaitClosed(Duration atMost) {
      if (running.isHeldByCurrentThread()) {
        return;
      }
      try {
        if (running.tryLock(atMost.toNanos(), TimeUnit.NANOSECONDS)) {
          running.unlock();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
