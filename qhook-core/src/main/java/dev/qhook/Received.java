package dev.qhook;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What {@link QHook#receive} did with an inbound request. Each case maps one to one onto an HTTP
 * answer: {@link #httpStatus()}, and a body of the documented shape (docs/reference/http-api.md).
 */
public sealed interface Received {

  /**
   * The status to answer with: 200 or 202 when stored, 200 for a batch, the rejection's status
   * otherwise.
   */
  int httpStatus();

  /**
   * A new event, committed with every job it created before this was returned.
   *
   * @param httpStatus 202 for {@code /events}, 200 for webhooks and SNS
   */
  record Accepted(IngestResult result, int httpStatus) implements Received {
    public Accepted {
      requireNonNull(result, "result");
    }
  }

  /**
   * A known idempotency key: nothing was created; {@code result} names the original event.
   *
   * @param httpStatus the same status as an accepted event of the entry point
   */
  record Duplicate(IngestResult result, int httpStatus) implements Received {
    public Duplicate {
      requireNonNull(result, "result");
    }
  }

  /**
   * A batch of events ({@link InboundRequest#eventBatch}) taken apart: one result per entry, in the
   * order of the request. The entries not rejected were stored in one transaction before this was
   * returned; a batch that cannot be read as a whole (not a JSON array, empty, more than {@link
   * QHook#MAX_BATCH_SIZE} entries), or that could not be stored, is {@link Rejected} instead and
   * nothing of it was stored. Answered 200 whatever the entries' outcomes.
   */
  record Batch(List<EntryResult> results) implements Received {
    public Batch {
      results = List.copyOf(results);
    }

    @Override
    public int httpStatus() {
      return 200;
    }

    /** Entries stored as new events. */
    public int accepted() {
      return count(false);
    }

    /** Entries whose idempotency key was known: nothing was stored for them. */
    public int duplicates() {
      return count(true);
    }

    /** Entries refused for what they hold. */
    public int rejected() {
      return (int) results.stream().filter(r -> r instanceof EntryResult.Rejected).count();
    }

    private int count(boolean duplicate) {
      return (int)
          results.stream()
              .filter(
                  r -> r instanceof EntryResult.Ingested i && i.result().duplicate() == duplicate)
              .count();
    }
  }

  /**
   * Refused; nothing was stored.
   *
   * @param message says what was wrong, never a secret
   * @param details for {@link Rejection#SCHEMA_INVALID}: each violation; otherwise empty
   */
  record Rejected(Rejection reason, String message, List<Violation> details) implements Received {
    /** {@code Retry-After} of an {@link Rejection#UNAVAILABLE} answer. */
    public static final Duration RETRY_UNAVAILABLE = Duration.ofSeconds(30);

    public Rejected {
      requireNonNull(reason, "reason");
      requireNonNull(message, "message");
      details = List.copyOf(details);
    }

    public Rejected(Rejection reason, String message) {
      this(reason, message, List.of());
    }

    @Override
    public int httpStatus() {
      return reason.httpStatus();
    }

    /** The {@code code} of the JSON error body. */
    public String code() {
      return reason.code();
    }

    /** How long the client should wait before trying again, when that is known. */
    public Optional<Duration> retryAfter() {
      return reason == Rejection.UNAVAILABLE ? Optional.of(RETRY_UNAVAILABLE) : Optional.empty();
    }
  }

  /**
   * An SNS control message handled: a subscription confirmed ({@code Subscription confirmed}) or an
   * unsubscription acknowledged ({@code Unsubscribe acknowledged}). Answered 200 with the message
   * as plain text; no event is stored.
   */
  record Acknowledged(String message) implements Received {
    public Acknowledged {
      requireNonNull(message, "message");
    }

    @Override
    public int httpStatus() {
      return 200;
    }
  }

  /**
   * One schema violation.
   *
   * @param path where in the body, in the path syntax of filters ({@code $.items[0].id})
   */
  record Violation(String path, String message) {
    public Violation {
      requireNonNull(path, "path");
      requireNonNull(message, "message");
    }
  }
}
