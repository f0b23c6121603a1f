package dev.qhook.internal.engine;

import dev.qhook.StoreRefusedException;
import dev.qhook.StoreUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns many concurrent single writes into few batched ones. Callers {@link #submit} an item and
 * get a future; one writer thread takes everything queued (up to {@code maxBatch}) and hands it to
 * the batch writer in one call, which is one transaction and one sync in a JDBC store. The first
 * item of a quiet period is written at once; items arriving while a batch commits form the next
 * batch. That is what lets durable ingest scale past one fsync per event.
 *
 * <p>A failed batch fails only the items it must (docs/configuration.md, "Stores"): a {@link
 * StoreUnavailableException} fails every item at once (each would wait for the same unreachable
 * database); a {@link StoreRefusedException} is narrowed down by halving the batch, so the items
 * whose values the database refuses fail alone and their neighbours are written; any other failure
 * replays the items one by one.
 *
 * <p>A writer with a {@code linger} waits that long after the first item of a small batch before it
 * writes, so that items trickling in share one write: for writes nobody waits on (delivery
 * outcomes, whose commit is deferred anyway), a few milliseconds turn one transaction per item into
 * one per several under a steady trickle (docs/benchmarks.md, "Steady load"). Ingest writes have
 * none: their callers wait for the commit.
 *
 * <p>{@link #submitAll} queues a group: its items are always written in the same call (so in one
 * transaction) and succeed or fail together; a failed batch narrows down by groups, never inside
 * one. A group larger than {@code maxBatch} is written alone.
 *
 * <p>Submitting takes no lock: the item goes on a lock-free queue, and only the submitter that
 * finds the writer idle wakes it, so a busy writer costs its submitters no system call. Futures
 * complete on the writer thread: dependent stages must be short and never block.
 */
public final class GroupCommitter<I, O> implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(GroupCommitter.class);

  /** How long an idle writer parks before it looks at the queue on its own (a safety net only). */
  static final Duration IDLE_PARK = Duration.ofMillis(100);

  /** What one submitter queued: one item, or a group written together. */
  private sealed interface Pending<I, O> {
    int size();

    void addTo(List<I> items);

    /** Completes with {@code results[offset .. offset + size())}. */
    void complete(List<O> results, int offset);

    void fail(Throwable e);
  }

  private record One<I, O>(I item, CompletableFuture<O> result) implements Pending<I, O> {
    @Override
    public int size() {
      return 1;
    }

    @Override
    public void addTo(List<I> items) {
      items.add(item);
    }

    @Override
    public void complete(List<O> results, int offset) {
      result.complete(results.get(offset));
    }

    @Override
    public void fail(Throwable e) {
      result.completeExceptionally(e);
    }
  }

  private record Group<I, O>(List<I> items, CompletableFuture<List<O>> result)
      implements Pending<I, O> {
    @Override
    public int size() {
      return items.size();
    }

    @Override
    public void addTo(List<I> all) {
      all.addAll(items);
    }

    @Override
    public void complete(List<O> results, int offset) {
      result.complete(List.copyOf(results.subList(offset, offset + items.size())));
    }

    @Override
    public void fail(Throwable e) {
      result.completeExceptionally(e);
    }
  }

  private final Queue<Pending<I, O>> queue = new ConcurrentLinkedQueue<>();
  private final Function<List<I>, List<O>> batchWriter;
  private final int maxBatch;
  private final Thread writer;
  private final long idleParkNanos;
  private final long lingerNanos;

  /** True while the writer is about to park or parked; the submitter that clears it wakes it. */
  private final AtomicBoolean writerIdle = new AtomicBoolean();

  private volatile boolean running = true;

  public GroupCommitter(String name, int maxBatch, Function<List<I>, List<O>> batchWriter) {
    this(name, maxBatch, batchWriter, Duration.ZERO, IDLE_PARK);
  }

  /**
   * @param linger how long a batch smaller than {@code maxBatch} waits for more items before it is
   *     written; zero writes at once
   */
  public GroupCommitter(
      String name, int maxBatch, Function<List<I>, List<O>> batchWriter, Duration linger) {
    this(name, maxBatch, batchWriter, linger, IDLE_PARK);
  }

  /**
   * @param idlePark how long an idle writer waits before it looks at the queue without being woken;
   *     tests make it long so that a missed wake-up shows as a stall
   */
  GroupCommitter(
      String name,
      int maxBatch,
      Function<List<I>, List<O>> batchWriter,
      Duration linger,
      Duration idlePark) {
    this.idleParkNanos = idlePark.toNanos();
    this.lingerNanos = linger.toNanos();
    if (maxBatch < 1) {
      throw new IllegalArgumentException("maxBatch must be >= 1, was " + maxBatch);
    }
    this.maxBatch = maxBatch;
    this.batchWriter = batchWriter;
    this.writer = new Thread(this::writeLoop, name);
    writer.setDaemon(true);
    writer.start();
  }

  /** Queues an item; the future completes when its batch is written, or fails with the error. */
  public CompletableFuture<O> submit(I item) {
    CompletableFuture<O> result = new CompletableFuture<>();
    return enqueue(new One<>(item, result), result);
  }

  /**
   * Queues a group of items that are written in one call of the batch writer (with other
   * submissions, but never split): the future completes with their results in order once that call
   * returned, or fails with its error, for every item of the group at once.
   */
  public CompletableFuture<List<O>> submitAll(List<I> items) {
    CompletableFuture<List<O>> result = new CompletableFuture<>();
    if (items.isEmpty()) {
      result.complete(List.of());
      return result;
    }
    return enqueue(new Group<>(List.copyOf(items), result), result);
  }

  /** Whether items wait for the next write: the writer is falling behind its submitters. */
  public boolean backlogged() {
    return !queue.isEmpty();
  }

  private <R> CompletableFuture<R> enqueue(Pending<I, O> pending, CompletableFuture<R> result) {
    if (!running) {
      return failClosed(result);
    }
    queue.offer(pending);
    if (!running && queue.remove(pending)) {
      // close() raced this submit and the writer may never see the item.
      return failClosed(result);
    }
    if (writerIdle.get() && writerIdle.compareAndSet(true, false)) {
      LockSupport.unpark(writer);
    }
    return result;
  }

  private <R> CompletableFuture<R> failClosed(CompletableFuture<R> result) {
    result.completeExceptionally(new IllegalStateException(writer.getName() + " is closed"));
    return result;
  }

  private void writeLoop() {
    List<Pending<I, O>> batch = new ArrayList<>();
    while (true) {
      int items = drainInto(batch, 0);
      if (!batch.isEmpty() && items < maxBatch && lingerNanos > 0 && running) {
        LockSupport.parkNanos(this, lingerNanos); // close() unparks: what is here is written
        drainInto(batch, items);
      }
      if (!batch.isEmpty()) {
        try {
          write(batch);
        } finally {
          batch.clear();
        }
        continue;
      }
      if (!running) {
        if (queue.isEmpty()) {
          return; // a submit racing close() sees it closed and withdraws its item
        }
        continue;
      }
      awaitWork();
    }
  }

  /**
   * Moves queued groups into {@code batch} while they fit in {@code maxBatch} (a first group always
   * does); returns the items the batch then holds, starting from {@code items}.
   */
  private int drainInto(List<Pending<I, O>> batch, int items) {
    Pending<I, O> next;
    // Only this thread takes from the queue, so the head it peeks is the one it polls.
    while ((next = queue.peek()) != null && (batch.isEmpty() || items + next.size() <= maxBatch)) {
      batch.add(queue.poll());
      items += next.size();
    }
    return items;
  }

  /** Parks until a submitter (or close) wakes the writer; returns at once if work arrived. */
  private void awaitWork() {
    writerIdle.set(true);
    // Re-check after announcing idleness: a submit that saw the writer busy has queued by now.
    if (queue.isEmpty() && running) {
      LockSupport.parkNanos(this, idleParkNanos);
    }
    writerIdle.set(false);
  }

  private void write(List<Pending<I, O>> batch) {
    List<I> items = new ArrayList<>(batch.size());
    for (Pending<I, O> p : batch) {
      p.addTo(items);
    }
    try {
      List<O> results = batchWriter.apply(items);
      int offset = 0;
      for (Pending<I, O> p : batch) {
        p.complete(results, offset);
        offset += p.size();
      }
    } catch (RuntimeException | Error e) {
      if (batch.size() == 1) {
        batch.get(0).fail(e);
      } else if (e instanceof StoreUnavailableException) {
        // Every item would wait for the same unreachable database: fail them all now.
        batch.forEach(p -> p.fail(e));
      } else if (e instanceof StoreRefusedException) {
        // A value of one item, or of a few: halve until they stand alone, in few writes.
        log.debug("batch of {} has a refused value; halving it: {}", batch.size(), e.getMessage());
        int half = batch.size() / 2;
        write(batch.subList(0, half));
        write(batch.subList(half, batch.size()));
      } else {
        // One bad item must not fail its neighbours: write each (or each group) alone.
        log.debug("batch of {} failed; writing its parts one by one", batch.size(), e);
        for (Pending<I, O> p : batch) {
          write(List.of(p));
        }
      }
    }
  }

  /** Writes what is queued, then stops the writer. */
  @Override
  public void close() {
    running = false;
    LockSupport.unpark(writer);
    try {
      writer.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // Fail what the writer did not take (it timed out), so no caller waits forever.
    Pending<I, O> left;
    while ((left = queue.poll()) != null) {
      left.fail(new IllegalStateException(writer.getName() + " closed"));
    }
  }
}
