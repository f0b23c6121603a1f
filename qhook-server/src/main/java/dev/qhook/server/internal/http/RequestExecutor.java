package dev.qhook.server.internal.http;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that handle requests: virtual threads on Java 21+, else a pool of platform threads
 * that hands each request to an idle thread and starts a new one (up to {@code maxThreads}) only
 * when none is idle; threads idle for a minute end. A fixed pool would start a thread for each of
 * its first {@code maxThreads} requests, idle or not, and keep them all.
 */
public final class RequestExecutor {
  private static final long IDLE_SECONDS = 60;

  private RequestExecutor() {}

  public static ExecutorService create(String name, int maxThreads) {
    if (Runtime.version().feature() >= 21) {
      return virtualThreads();
    }
    HandOffQueue queue = new HandOffQueue();
    return new ThreadPoolExecutor(
        1,
        maxThreads,
        IDLE_SECONDS,
        TimeUnit.SECONDS,
        queue,
        daemonThreads(name),
        (task, pool) -> {
          if (pool.isShutdown()) {
            throw new RejectedExecutionException("request executor is shut down");
          }
          queue.enqueue(task); // every thread is busy: the next free one takes it
        });
  }

  /** {@code Executors.newVirtualThreadPerTaskExecutor()}, looked up so that this compiles on 17. */
  private static ExecutorService virtualThreads() {
    try {
      return (ExecutorService)
          MethodHandles.publicLookup()
              .findStatic(
                  Executors.class,
                  "newVirtualThreadPerTaskExecutor",
                  MethodType.methodType(ExecutorService.class))
              .invoke();
    } catch (Throwable e) {
      throw new IllegalStateException("virtual threads unavailable on Java 21+", e);
    }
  }

  private static ThreadFactory daemonThreads(String name) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /**
   * Accepts a task only when a thread is waiting for one, so that the pool grows instead of
   * queueing; the pool's rejection handler queues once no thread may be added.
   */
  private static final class HandOffQueue extends LinkedTransferQueue<Runnable> {
    @Override
    public boolean offer(Runnable task) {
      return tryTransfer(task);
    }

    void enqueue(Runnable task) {
      super.offer(task);
    }
  }
}
