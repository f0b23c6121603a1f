package dev.qhook.internal.queue;

import dev.qhook.DeadMessage;
import dev.qhook.NackResult;
import dev.qhook.QueueClient;
import dev.qhook.QueueMessage;
import dev.qhook.QueueStats;
import dev.qhook.config.QueueConfig;
import dev.qhook.internal.delivery.RetryDelays;
import dev.qhook.spi.ClaimRequest;
import dev.qhook.spi.ClaimedJob;
import dev.qhook.spi.Completion;
import dev.qhook.spi.Job;
import dev.qhook.spi.JobQuery;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.LostJobs;
import dev.qhook.spi.Nacked;
import dev.qhook.spi.Page;
import dev.qhook.spi.QueueCounts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/** {@link QueueClient} over the store; see {@link PullQueues} for what the clients share. */
final class StoreQueueClient implements QueueClient {
  private final QueueConfig config;
  private final String name;
  private final PullQueues.Context cx;

  StoreQueueClient(QueueConfig config, PullQueues.Context context) {
    this.config = config;
    this.name = config.name();
    this.cx = context;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public QueueConfig config() {
    return config;
  }

  @Override
  public List<QueueMessage> receive(int batch, Duration wait) {
    QueueArguments.batch(batch);
    long deadline = System.nanoTime() + QueueArguments.waitTime(wait).toNanos();
    cx.requireRunning().run();
    while (true) {
      CountDownLatch woken = new CountDownLatch(1);
      QueueSignals.Waiter waiter = cx.signals().register(name, woken::countDown);
      try {
        List<QueueMessage> got = receiveNow(batch);
        long left = deadline - System.nanoTime();
        if (!got.isEmpty() || left <= 0 || cx.closed().getAsBoolean()) {
          return got;
        }
        woken.await(Math.min(left, cx.recheck().toNanos()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return List.of();
      } finally {
        waiter.cancel();
      }
    }
  }

  @Override
  public CompletableFuture<List<QueueMessage>> receiveAsync(int batch, Duration wait) {
    QueueArguments.batch(batch);
    long deadline = System.nanoTime() + QueueArguments.waitTime(wait).toNanos();
    cx.requireRunning().run();
    CompletableFuture<List<QueueMessage>> answer = new CompletableFuture<>();
    tryReceive(answer, batch, deadline);
    return answer;
  }

  /**
   * One try of an asynchronous receive: answers, or registers for the next signal and a re-check,
   * whichever comes first, to try again on the executor.
   */
  private void tryReceive(CompletableFuture<List<QueueMessage>> answer, int batch, long deadline) {
    // One try at a time per receive, and none once it is answered: a signal can fire the waiter
    // of a try that then finds messages itself; the try it starts must not lease messages that
    // no one will get (they would come back only when their lease lapses, a delivery counted).
    synchronized (answer) {
      if (!answer.isDone()) {
        tryReceiveOnce(answer, batch, deadline);
      }
    }
  }

  private void tryReceiveOnce(
      CompletableFuture<List<QueueMessage>> answer, int batch, long deadline) {
    try {
      QueueSignals.Waiter waiter =
          cx.signals()
              .register(
                  name, () -> cx.executor().execute(() -> tryReceive(answer, batch, deadline)));
      List<QueueMessage> got;
      try {
        got = receiveNow(batch);
      } catch (RuntimeException e) {
        waiter.cancel();
        throw e;
      }
      long left = deadline - System.nanoTime();
      if (!got.isEmpty() || left <= 0 || cx.closed().getAsBoolean()) {
        waiter.cancel();
        answer.complete(got);
        return;
      }
      cx.timer()
          .schedule(waiter::fire, Math.min(left, cx.recheck().toNanos()), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException stopping) {
      answer.complete(List.of());
    } catch (RuntimeException e) {
      answer.completeExceptionally(e);
    }
  }

  /** One receive: leases what is visible now, and dead-letters messages past the event TTL. */
  private List<QueueMessage> receiveNow(int batch) {
    Instant now = cx.clock().instant();
    List<ClaimedJob> claimed =
        cx.store()
            .claim(ClaimRequest.queue(name, now, batch, now.plus(config.visibilityTimeout())));
    if (claimed.isEmpty()) {
      return List.of();
    }
    List<QueueMessage> messages = new ArrayList<>(claimed.size());
    List<Completion> late = new ArrayList<>();
    for (ClaimedJob c : claimed) {
      if (!cx.eventTtl().isZero() && c.job().createdAt().plus(cx.eventTtl()).isBefore(now)) {
        late.add(new Completion.Dead(c.job().id(), c.job().attempt(), null, LostJobs.TTL_EXPIRED));
      } else {
        messages.add(message(c));
      }
    }
    if (!late.isEmpty()) {
      cx.store().complete(late);
      late.forEach(d -> cx.store().job(d.jobId()).ifPresent(cx.deadLettered()));
    }
    cx.metrics().delivered(name, messages.size());
    return messages;
  }

  private static QueueMessage message(ClaimedJob c) {
    Job job = c.job();
    boolean leased = job.status() == JobStatus.RUNNING;
    return new QueueMessage(
        job.id(),
        job.eventId(),
        c.event().eventType(),
        c.event().payload(),
        c.event().headers(),
        leased ? job.attempt() - 1 : job.attempt(),
        job.createdAt(),
        leased ? job.leaseUntil() : null);
  }

  @Override
  public int ack(Collection<String> ids) {
    List<String> chosen = QueueArguments.ids(ids);
    cx.requireRunning().run();
    int acked = cx.store().ackMessages(name, chosen, cx.clock().instant());
    cx.metrics().acked(name, acked);
    return acked;
  }

  @Override
  public NackResult nack(Collection<String> ids, @Nullable Duration delay) {
    List<String> chosen = QueueArguments.ids(ids);
    Duration fixed = QueueArguments.delay(delay);
    cx.requireRunning().run();
    IntFunction<Duration> delayAfter =
        fixed != null ? n -> fixed : n -> RetryDelays.delay(config.retry(), n, cx.random());
    Nacked nacked = cx.store().nackMessages(name, chosen, cx.clock().instant(), delayAfter);
    cx.metrics().nacked(name, nacked.retried() + nacked.dead().size());
    nacked.dead().forEach(cx.deadLettered());
    if (nacked.retried() > 0 && fixed != null && fixed.isZero()) {
      cx.signals().signal(name);
    }
    return new NackResult(nacked.retried(), nacked.dead().size());
  }

  @Override
  public int extend(Collection<String> ids, Duration leaseFor) {
    List<String> chosen = QueueArguments.ids(ids);
    Duration lease = QueueArguments.extension(leaseFor);
    cx.requireRunning().run();
    Instant now = cx.clock().instant();
    return cx.store().extendMessages(name, chosen, now, now.plus(lease));
  }

  @Override
  public QueueStats stats() {
    return stats(
        name, cx.store().queueCounts(cx.clock().instant()).getOrDefault(name, QueueCounts.EMPTY));
  }

  static QueueStats stats(String name, QueueCounts c) {
    return new QueueStats(
        name, c.visible(), c.delayed(), c.inFlight(), c.dead(), c.oldestVisibleCreatedAt());
  }

  @Override
  public long completedCount() {
    return cx.store().completedMessages(name);
  }

  @Override
  public List<QueueMessage> peek(int limit) {
    return cx
        .store()
        .visibleMessages(name, cx.clock().instant(), QueueArguments.limit(limit))
        .stream()
        .map(StoreQueueClient::message)
        .toList();
  }

  @Override
  public Page<DeadMessage> deadLetters(
      @Nullable String after,
      int limit,
      boolean newestFirst,
      @Nullable Instant since,
      @Nullable Instant until) {
    Page<ClaimedJob> page =
        cx.store()
            .jobsWithEvents(
                new JobQuery(
                    JobStatus.DEAD,
                    name,
                    null,
                    since,
                    until,
                    after,
                    QueueArguments.limit(limit),
                    newestFirst));
    return new Page<>(
        page.items().stream()
            .map(
                c ->
                    new DeadMessage(
                        c.job().id(),
                        c.job().eventId(),
                        c.event().eventType(),
                        c.job().attempt(),
                        c.job().lastError(),
                        c.job().createdAt(),
                        c.job().completedAt()))
            .toList(),
        page.hasMore());
  }

  @Override
  public int redrive(Collection<String> ids) {
    return redriven(
        cx.store().redriveMessages(name, QueueArguments.ids(ids), cx.clock().instant()));
  }

  @Override
  public int redriveAll() {
    return redriven(cx.store().redriveMessages(name, null, cx.clock().instant()));
  }

  private int redriven(int n) {
    if (n > 0) {
      cx.signals().signal(name);
    }
    return n;
  }

  @Override
  public int deleteDead() {
    return cx.store().deleteDeadMessages(name);
  }

  @Override
  public int drain() {
    return cx.store().drainQueue(name);
  }
}
