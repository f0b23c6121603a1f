package dev.qhook.server.internal.http;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Bounds how long a client may take to send its request (docs/reference/http-api.md, "Request
 * processing"): the headers within {@code headerTimeout} of the moment the server starts reading
 * them, the body within {@code bodyTimeout} of the headers. A late request's connection is closed
 * without an answer, so slow senders hold a request thread for a bounded time only.
 *
 * <p>How: the JDK server reads a request's headers on the thread that then calls the handler, and
 * the handler reads the body on it too. Each such thread is registered here while it reads, and a
 * watch thread interrupts one that is late; interrupting a thread blocked on a socket channel
 * closes the channel ({@link java.nio.channels.InterruptibleChannel}), which ends the read. The
 * phase changes and the interrupt happen under the same lock, so a thread is never interrupted once
 * it has finished reading: if the cut and the end of the read cross, the reader sees the cut and
 * clears its interrupt.
 */
public final class ReadDeadlines implements AutoCloseable {
  private static final long NONE = Long.MIN_VALUE;
  private static final Duration MIN_TICK = Duration.ofMillis(50);
  private static final Duration MAX_TICK = Duration.ofMillis(500);

  private final long headerNanos;
  private final long bodyNanos;
  private final Set<Reading> reading = ConcurrentHashMap.newKeySet();
  private final ThreadLocal<Reading> current = new ThreadLocal<>();
  private final ScheduledExecutorService watch;

  public ReadDeadlines(Duration headerTimeout, Duration bodyTimeout) {
    this.headerNanos = positive(headerTimeout, "headerTimeout").toNanos();
    this.bodyNanos = positive(bodyTimeout, "bodyTimeout").toNanos();
    Duration shortest = headerTimeout.compareTo(bodyTimeout) < 0 ? headerTimeout : bodyTimeout;
    long tick = clamp(shortest.dividedBy(10)).toMillis();
    this.watch =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "qhook-read-deadlines");
              thread.setDaemon(true);
              return thread;
            });
    watch.scheduleWithFixedDelay(this::cutLate, tick, tick, TimeUnit.MILLISECONDS);
  }

  /**
   * The executor to give the HTTP server: runs each of its exchanges (reading the headers, then the
   * handler) under the header deadline on {@code executor}.
   */
  public Executor watching(Executor executor) {
    return exchange -> executor.execute(() -> run(exchange));
  }

  private void run(Runnable exchange) {
    Reading r = new Reading(Thread.currentThread(), System.nanoTime() + headerNanos);
    reading.add(r);
    current.set(r);
    try {
      exchange.run();
    } finally {
      current.remove();
      reading.remove(r);
      r.end();
    }
  }

  /**
   * The headers are in and the body is next; false when the header time ran out (the caller then
   * closes the connection). Outside a watched exchange there is no deadline.
   */
  boolean startBody() {
    Reading r = current.get();
    return r == null || r.next(System.nanoTime() + bodyNanos);
  }

  /** The body is read (or failed); false when its time ran out first. */
  boolean endBody() {
    Reading r = current.get();
    return r == null || r.next(NONE);
  }

  private void cutLate() {
    long now = System.nanoTime();
    for (Reading r : reading) {
      r.cutIfLate(now);
    }
  }

  @Override
  public void close() {
    watch.shutdownNow();
  }

  private static Duration positive(Duration timeout, String name) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + timeout);
    }
    return timeout;
  }

  private static Duration clamp(Duration tick) {
    return tick.compareTo(MIN_TICK) < 0 ? MIN_TICK : tick.compareTo(MAX_TICK) > 0 ? MAX_TICK : tick;
  }

  /** One exchange's thread and its current deadline ({@link #NONE} once it reads no more). */
  private static final class Reading {
    private final Thread thread;
    private long deadline;
    private boolean cut;

    Reading(Thread thread, long deadline) {
      this.thread = thread;
      this.deadline = deadline;
    }

    /** Moves to the next phase; false (with the interrupt cleared) when the reading was cut. */
    synchronized boolean next(long nextDeadline) {
      if (cut) {
        Thread.interrupted();
        return false;
      }
      deadline = nextDeadline;
      return true;
    }

    synchronized void cutIfLate(long now) {
      if (!cut && deadline != NONE && now - deadline >= 0) {
        cut = true;
        thread.interrupt();
      }
    }

    synchronized void end() {
      deadline = NONE;
      if (cut) {
        Thread.interrupted(); // cut while the server read the headers: not for the next task
      }
    }
  }
}
