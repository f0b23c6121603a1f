package dev.qhook;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What a batch ingest ({@link QHook#ingestAll}, or {@link QHook#receive} of an {@link
 * InboundRequest#eventBatch} request) did with one of its entries (docs/reference/http-api.md,
 * "POST /events/{source}"). The entries that were not rejected were stored in one transaction.
 */
public sealed interface EntryResult {

  /**
   * Stored with every job it created, or a duplicate of a stored event (then {@code
   * result().duplicate()} is true and {@code result().eventId()} names the original).
   */
  record Ingested(IngestResult result) implements EntryResult {
    public Ingested {
      requireNonNull(result, "result");
    }
  }

  /**
   * Not stored: what the entry holds is wrong; the other entries are not affected.
   *
   * @param message says what was wrong with the entry
   * @param details for {@link Rejection#SCHEMA_INVALID}: each violation; otherwise empty
   */
  record Rejected(Rejection reason, String message, List<Received.Violation> details)
      implements EntryResult {
    public Rejected {
      requireNonNull(reason, "reason");
      requireNonNull(message, "message");
      details = List.copyOf(details);
    }

    public Rejected(Rejection reason, String message) {
      this(reason, message, List.of());
    }

    /** The {@code code} of the entry's error object. */
    public String code() {
      return reason.code();
    }
  }
}
