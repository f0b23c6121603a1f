package dev.qhook.internal.ingest;

import dev.qhook.spi.AppendResult;
import dev.qhook.spi.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DEBUG line of each accepted event (docs/reference/cli.md, "Logging"): the event's id, source
 * and type in the message and as the key-value pairs {@code event_id}, {@code source} and {@code
 * event_type} (fields of their own in JSON lines). Costs one level check when DEBUG is off.
 */
final class IngestLog {
  private static final Logger log = LoggerFactory.getLogger(Ingestor.class);

  private IngestLog() {}

  static void accepted(Event event, AppendResult stored, int jobs, int runs) {
    if (!log.isDebugEnabled()) {
      return;
    }
    boolean duplicate = stored instanceof AppendResult.Duplicate;
    log.atDebug()
        .addKeyValue("event_id", stored.eventId())
        .addKeyValue("source", event.source())
        .addKeyValue("event_type", event.eventType())
        .log(
            duplicate
                ? "event {} of source {} type {} is a duplicate: nothing stored"
                : "event {} of source {} type {} stored with {} jobs and {} runs",
            stored.eventId(),
            event.source(),
            event.eventType(),
            jobs,
            runs);
  }
}
