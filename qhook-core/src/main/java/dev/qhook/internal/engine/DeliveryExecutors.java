package dev.qhook.internal.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Picks virtual threads on Java 21+ and a bounded platform pool on Java 17. */
public final class DeliveryExecutors {
  private DeliveryExecutors() {}

  /**
   * An executor for blocking work; {@code platformThreads} bounds it when virtual threads are
   * absent.
   */
  public static ExecutorService create(String name, int platformThreads) {
    try {
      var handle =
          MethodHandles.publicLookup()
              .findStatic(
                  Executors.class,
                  "newVirtualThreadPerTaskExecutor",
                  MethodType.methodType(ExecutorService.class));
      return (ExecutorService) handle.invoke();
    } catch (Throwable notJava21) {
      return Executors.newFixedThreadPool(platformThreads, named(name));
    }
  }

  public static ThreadFactory named(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
