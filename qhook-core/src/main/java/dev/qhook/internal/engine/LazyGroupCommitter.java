package dev.qhook.internal.engine;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A {@link GroupCommitter} whose writer thread starts with the first submit: a writer that may
 * never be needed (the workflow transition writer of an engine whose store holds no runs) costs no
 * thread. Once started it is that committer; closed before any submit it starts nothing, and a
 * later submit fails as a closed committer's does.
 */
public final class LazyGroupCommitter<I, O> implements AutoCloseable {
  private final String name;
  private final int maxBatch;
  private final Function<List<I>, List<O>> batchWriter;
  private volatile @Nullable GroupCommitter<I, O> committer;
  private boolean closed; // guarded by this

  /** As {@link GroupCommitter#GroupCommitter(String, int, Function)}, started on first use. */
  public LazyGroupCommitter(String name, int maxBatch, Function<List<I>, List<O>> batchWriter) {
    if (maxBatch < 1) {
      throw new IllegalArgumentException("maxBatch must be >= 1, was " + maxBatch);
    }
    this.name = name;
    this.maxBatch = maxBatch;
    this.batchWriter = batchWriter;
  }

  /** See {@link GroupCommitter#submit}; the first call starts the writer. */
  public CompletableFuture<O> submit(I item) {
    GroupCommitter<I, O> c = started();
    return c == null ? closedFuture() : c.submit(item);
  }

  /** See {@link GroupCommitter#submitAll}; the first call starts the writer. */
  public CompletableFuture<List<O>> submitAll(List<I> items) {
    GroupCommitter<I, O> c = started();
    return c == null ? closedFuture() : c.submitAll(items);
  }

  private @Nullable GroupCommitter<I, O> started() {
    GroupCommitter<I, O> c = committer;
    return c != null ? c : start();
  }

  private <T> CompletableFuture<T> closedFuture() {
    return CompletableFuture.failedFuture(new IllegalStateException(name + " is closed"));
  }

  private synchronized @Nullable GroupCommitter<I, O> start() {
    if (committer == null && !closed) {
      committer = new GroupCommitter<>(name, maxBatch, batchWriter);
    }
    return committer;
  }

  /** See {@link GroupCommitter#close}; starts nothing when never used. */
  @Override
  public synchronized void close() {
    closed = true;
    GroupCommitter<I, O> c = committer;
    if (c != null) {
      c.close();
    }
  }
}
