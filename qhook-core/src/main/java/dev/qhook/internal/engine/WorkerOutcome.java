package dev.qhook.internal.engine;

import dev.qhook.spi.Completion;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What a {@link Dispatcher} worker made of a claimed job: an outcome for the completion writer, or
 * the write of its outcome that the worker started itself (a workflow transition, group-committed
 * by its own writer). Either way the dispatcher holds the job until the write is done.
 */
public sealed interface WorkerOutcome {

  /** Hands {@code completion} to the dispatcher's completion writer. */
  static WorkerOutcome complete(Completion completion) {
    return new Complete(completion);
  }

  /** The worker stores the outcome itself: the job is settled when {@code write} completes. */
  static WorkerOutcome storing(CompletionStage<?> write) {
    return new Storing(write);
  }

  /** The worker stored the outcome before it returned. */
  static WorkerOutcome stored() {
    return new Storing(CompletableFuture.completedFuture(null));
  }

  /** An outcome for the completion writer. */
  record Complete(Completion completion) implements WorkerOutcome {}

  /** A write the worker started; the dispatcher waits for it before the job leaves its books. */
  record Storing(CompletionStage<?> write) implements WorkerOutcome {}
}
