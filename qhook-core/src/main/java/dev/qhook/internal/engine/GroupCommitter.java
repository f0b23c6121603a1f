package dev.qhook.internal.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns many concurrent single writes into few batched ones. Callers {@link #submit} an item and
 * get a future; one writer thread takes everything queued (up to {@code maxBatch}) and hands it to
 * the batch writer in one call, which is one transaction and one sync in a JDBC store. The first
 * item of a quiet period is written at once; items arriving while a batch commits form the next
 * batch. That is what lets durable ingest scale past one fsync per event.
 */
public final class GroupCommitter<I, O> implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(GroupCommitter.class);

  private record Pending<I, O>(I item, CompletableFuture<O> result) {}

  private final BlockingQueue<Pending<I, O>> queue = new LinkedBlockingQueue<>();
  private final Function<List<I>, List<O>> batchWriter;
  private final int maxBatch;
  private final Thread writer;
  private volatile boolean running = true;

  public GroupCommitter(String name, int maxBatch, Function<List<I>, List<O>> batchWriter) {
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
    synchronized (queue) {
      if (!running) {
        result.completeExceptionally(new IllegalStateException(writer.getName() + " is closed"));
        return result;
      }
      queue.add(new Pending<>(item, result));
    }
    return result;
  }

  private void writeLoop() {
    List<Pending<I, O>> batch = new ArrayList<>(maxBatch);
    while (running || !queue.isEmpty()) {
      try {
        Pending<I, O> first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, maxBatch - 1);
        write(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        batch.clear();
      }
    }
  }

  private void write(List<Pending<I, O>> batch) {
    List<I> items = new ArrayList<>(batch.size());
    for (Pending<I, O> p : batch) {
      items.add(p.item());
    }
    try {
      List<O> results = batchWriter.apply(items);
      for (int i = 0; i < batch.size(); i++) {
        batch.get(i).result().complete(results.get(i));
      }
    } catch (RuntimeException | Error e) {
      if (batch.size() == 1) {
        batch.get(0).result().completeExceptionally(e);
        return;
      }
      // One bad item must not fail its neighbours: write each alone.
      log.debug("batch of {} failed; writing its items one by one", batch.size(), e);
      for (Pending<I, O> p : batch) {
        write(List.of(p));
      }
    }
  }

  /** Writes what is queued, then stops the writer. */
  @Override
  public void close() {
    synchronized (queue) {
      running = false;
    }
    try {
      writer.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // Nothing can be added any more; fail what the writer did not take, so no caller waits forever.
    Pending<I, O> left;
    while ((left = queue.poll()) != null) {
      left.result().completeExceptionally(new IllegalStateException(writer.getName() + " closed"));
    }
  }
}
