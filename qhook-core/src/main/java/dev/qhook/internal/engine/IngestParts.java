package dev.qhook.internal.engine;

import dev.qhook.internal.ingest.HandOff;
import dev.qhook.internal.ingest.Ingestor;
import dev.qhook.internal.outbound.OutboundEmission;
import dev.qhook.internal.workflow.RunStarter;
import dev.qhook.spi.AppendResult;
import dev.qhook.spi.NewEvent;
import dev.qhook.spi.NewJob;
import java.util.List;
import java.util.function.Consumer;

/**
 * Ingest, assembled (docs/architecture.md, "Storing and delivering"): the ingestor that routes an
 * event into its jobs, runs and outbound deliveries, and the group committer that appends them.
 */
final class IngestParts {
  private final GroupCommitter<NewEvent, AppendResult> appender;
  private final Ingestor ingestor;

  /**
   * @param onStored after the commit of an event's jobs (wakes whoever runs them)
   * @param handOff the dispatcher, which may take jobs leased at ingest
   */
  IngestParts(
      SharedParts s,
      Consumer<List<NewJob>> onStored,
      HandOff handOff,
      RunStarter runs,
      OutboundEmission outbound) {
    this.appender =
        new GroupCommitter<>("qhook-appender", EngineRuntime.APPEND_BATCH, s.store()::append);
    this.ingestor =
        new Ingestor(
            s.config(),
            s.router(),
            appender,
            s.ids(),
            s.clock(),
            s.metrics(),
            onStored,
            handOff,
            runs,
            outbound);
  }

  Ingestor ingestor() {
    return ingestor;
  }

  /** Writes the events queued, then stops the writer; later appends fail. */
  void close() {
    appender.close();
  }
}
