package dev.qhook.internal.queue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Wakes consumers waiting on a queue when a message may have become visible: an ingest on this
 * instance (after its commit), a nack without delay, a redrive, a lapsed lease. Each waiter fires
 * at most once, then is gone; waiters that time out remove themselves, so an idle queue holds
 * nothing. {@link #signal} only runs the waiters' wake actions, which must be short (count down a
 * latch, hand a task to an executor): it runs on the ingest commit thread.
 */
final class QueueSignals {
  private final ConcurrentHashMap<String, Set<Waiter>> waiters = new ConcurrentHashMap<>();

  /** Registers {@code onWake} to run once at the next signal of {@code queue}. */
  Waiter register(String queue, Runnable onWake) {
    Set<Waiter> set = waiters.computeIfAbsent(queue, q -> ConcurrentHashMap.newKeySet());
    Waiter waiter = new Waiter(set, onWake);
    set.add(waiter);
    return waiter;
  }

  void signal(String queue) {
    Set<Waiter> set = waiters.get(queue);
    if (set != null) {
      for (Waiter w : set) {
        w.fire();
      }
    }
  }

  void signalAll() {
    waiters.values().forEach(set -> set.forEach(Waiter::fire));
  }

  /** One registration; {@link #fire} and {@link #cancel} are idempotent. */
  static final class Waiter {
    private final Set<Waiter> set;
    private final Runnable onWake;
    private final AtomicBoolean done = new AtomicBoolean();

    private Waiter(Set<Waiter> set, Runnable onWake) {
      this.set = set;
      this.onWake = onWake;
    }

    /** Runs the wake action unless it ran or the waiter was cancelled. */
    void fire() {
      if (done.compareAndSet(false, true)) {
        set.remove(this);
        onWake.run();
      }
    }

    void cancel() {
      if (done.compareAndSet(false, true)) {
        set.remove(this);
      }
    }
  }
}
