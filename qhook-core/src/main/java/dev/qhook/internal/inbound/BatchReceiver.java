package dev.qhook.internal.inbound;

import dev.qhook.EntryResult;
import dev.qhook.InboundRequest;
import dev.qhook.InvalidEventException;
import dev.qhook.QHook;
import dev.qhook.Received;
import dev.qhook.Rejection;
import dev.qhook.config.SourceType;
import dev.qhook.internal.ingest.EventValues;
import dev.qhook.internal.ingest.Payload;
import dev.qhook.internal.ingest.Submission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * {@code POST /events/{source}} (docs/reference/http-api.md): the source, the {@code
 * Idempotency-Key} header (refused: each entry carries its own key), UTF-8 and the array shape of
 * the whole body; then per entry its fields and the source's schema. The entries that pass are
 * routed and stored in one transaction; the others are answered with their error, alone.
 */
final class BatchReceiver {
  /** What each entry is stored with: its payload is the JSON value of the entry. */
  private static final Map<String, String> STORED_HEADERS =
      Map.of("content-type", "application/json");

  private final Function<List<Submission>, CompletableFuture<List<EntryResult>>> ingestAll;

  BatchReceiver(Function<List<Submission>, CompletableFuture<List<EntryResult>>> ingestAll) {
    this.ingestAll = ingestAll;
  }

  /**
   * @param gate the source's gate, or null when there is no such source
   */
  CompletableFuture<Received> receive(SourceGate gate, InboundRequest request) {
    String source = request.source();
    if (gate.config().type() != SourceType.EVENT && gate.config().type() != SourceType.OUTBOUND) {
      return rejected(
          Rejection.NOT_FOUND,
          "source '"
              + source
              + "' is a "
              + gate.config().type().name().toLowerCase(java.util.Locale.ROOT)
              + " source: POST /events/"
              + source
              + " takes batches for event and outbound sources only (webhooks are verified one"
              + " signed body at a time)");
    }
    if (request.header("idempotency-key") != null) {
      return rejected(
          Rejection.BAD_REQUEST,
          "the Idempotency-Key header applies to single events: give each entry of a batch its"
              + " idempotency_key");
    }
    if (!Utf8.isValid(request.body())) {
      return rejected(Rejection.INVALID_ENCODING, "request body is not valid UTF-8");
    }
    List<BatchBody.Entry> entries;
    try {
      entries = BatchBody.parse(request.body(), QHook.MAX_BATCH_SIZE);
    } catch (BatchBody.Refused e) {
      return rejected(Rejection.BAD_REQUEST, e.getMessage());
    }
    EntryResult[] results = new EntryResult[entries.size()];
    List<Submission> submissions = new ArrayList<>(entries.size());
    List<Integer> positions = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      BatchBody.Entry entry = entries.get(i);
      if (entry instanceof BatchBody.Malformed malformed) {
        results[i] = new EntryResult.Rejected(Rejection.BAD_REQUEST, malformed.message());
        continue;
      }
      BatchBody.Valid valid = (BatchBody.Valid) entry;
      try {
        EventValues.checkKey("idempotency_key", valid.idempotencyKey());
      } catch (InvalidEventException e) {
        results[i] = new EntryResult.Rejected(Rejection.BAD_REQUEST, e.getMessage());
        continue;
      }
      Payload payload = Payload.of(valid.payload());
      List<Received.Violation> violations = gate.schemaViolations(payload);
      if (!violations.isEmpty()) {
        results[i] =
            new EntryResult.Rejected(
                Rejection.SCHEMA_INVALID, "payload does not match the source schema", violations);
        continue;
      }
      submissions.add(
          new Submission(
              source, valid.type(), payload, STORED_HEADERS, valid.idempotencyKey(), null));
      positions.add(i);
    }
    return InboundReceiver.storing(
        () -> ingestAll.apply(submissions),
        stored -> {
          for (int i = 0; i < stored.size(); i++) {
            results[positions.get(i)] = stored.get(i);
          }
          return new Received.Batch(Arrays.asList(results));
        });
  }

  private static CompletableFuture<Received> rejected(Rejection reason, String message) {
    return CompletableFuture.completedFuture(new Received.Rejected(reason, message));
  }
}
