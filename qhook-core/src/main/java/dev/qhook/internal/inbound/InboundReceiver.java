package dev.qhook.internal.inbound;

import static java.util.Objects.requireNonNull;

import dev.qhook.EntryResult;
import dev.qhook.InboundRequest;
import dev.qhook.IngestResult;
import dev.qhook.InvalidEventException;
import dev.qhook.Received;
import dev.qhook.Rejection;
import dev.qhook.StoreException;
import dev.qhook.StoreRefusedException;
import dev.qhook.UnavailableException;
import dev.qhook.config.SourceType;
import dev.qhook.internal.ingest.Payload;
import dev.qhook.internal.ingest.Submission;
import dev.qhook.internal.transport.SsrfGuard;
import dev.qhook.spi.Transport;
import dev.qhook.verify.CertificateFetcher;
import dev.qhook.verify.CertificateFetchers;
import dev.qhook.verify.SnsMessageVerifier;
import dev.qhook.verify.VerificationResult;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbound contract of the engine: every check of a request, in order, before its event is
 * routed and stored (docs/reference/http-api.md, the checks of each ingest route). Webhooks:
 * source, {@code allowed_ips}, signature on the raw bytes, UTF-8, schema, event type. Events:
 * source, UTF-8, schema, event type (the caller authenticates: the server requires {@code
 * api.auth_token} first). SNS: source, message shape, {@code topic_arns}, signature, then by
 * message type. Then the limits of the event's values ("Limits of event values", checked by the
 * ingestor). The body is parsed at most once, and the parsed form goes on to routing.
 */
public final class InboundReceiver {
  private static final Logger log = LoggerFactory.getLogger(InboundReceiver.class);

  private static final Set<SourceType> EVENT_SOURCES =
      Set.of(SourceType.EVENT, SourceType.OUTBOUND);

  /** Stores a checked event: group commit, idempotency, routing. */
  interface Store {
    /**
     * @param status the status of an accepted answer
     */
    CompletableFuture<Received> store(Submission submission, int status);
  }

  /**
   * Routes and stores checked events: each future fails with a {@link StoreException} when nothing
   * was stored.
   *
   * @param one a single event
   * @param all a batch, in one transaction, one result per submission
   */
  public record Ingest(
      Function<Submission, CompletableFuture<IngestResult>> one,
      Function<List<Submission>, CompletableFuture<List<EntryResult>>> all) {
    public Ingest {
      requireNonNull(one, "one");
      requireNonNull(all, "all");
    }
  }

  /** Counts and alerts a rejected signature, and returns the rejection to answer with. */
  interface VerificationFailures {
    Received.Rejected rejected(String source, VerificationResult.Rejected rejection);
  }

  /**
   * What the receiver works with besides the config.
   *
   * @param ssrfGuard checks SNS {@code SubscribeURL}s of {@code skip_verify} sources
   * @param subscribeUrlRule which {@code SubscribeURL}s of verifying SNS sources may be called
   */
  public record Wiring(
      Clock clock,
      Transport transport,
      SsrfGuard ssrfGuard,
      CertificateFetcher certificates,
      Predicate<String> subscribeUrlRule) {
    public Wiring {
      requireNonNull(clock, "clock");
      requireNonNull(transport, "transport");
      requireNonNull(ssrfGuard, "ssrfGuard");
      requireNonNull(certificates, "certificates");
      requireNonNull(subscribeUrlRule, "subscribeUrlRule");
    }
  }

  private final SourceGates gates;
  private final Function<Submission, CompletableFuture<IngestResult>> ingest;
  private final VerificationFailures failures;
  private final SnsReceiver sns;
  private final BatchReceiver batches;

  /**
   * @param ingest routes and stores checked events
   * @param verificationFailed counts a rejected signature of a source, every time
   * @param verificationAlert raises the alert of a rejected signature: (source, reason class); at
   *     most once per source per minute
   */
  public InboundReceiver(
      SourceGates gates,
      Wiring wiring,
      Ingest ingest,
      Consumer<String> verificationFailed,
      BiConsumer<String, String> verificationAlert) {
    this.gates = gates;
    this.ingest = ingest.one();
    this.batches = new BatchReceiver(ingest.all());
    VerificationReports reports =
        new VerificationReports(verificationFailed, verificationAlert, wiring.clock());
    this.failures =
        (source, rejected) -> {
          reports.report(source, SourceGate.reasonClass(rejected.reason()));
          return new Received.Rejected(Rejection.SIGNATURE_INVALID, rejected.message());
        };
    this.sns =
        new SnsReceiver(
            new SnsMessageVerifier(wiring.certificates(), wiring.clock()),
            new SnsSubscriptions(wiring.subscribeUrlRule(), wiring.ssrfGuard(), wiring.transport()),
            this::store,
            failures);
  }

  /**
   * SNS signing certificates fetched through {@code transport} and kept for an hour per URL (a
   * certificate is checked against the clock on every use); a failed fetch is remembered for 60
   * seconds per URL, and concurrent fetches of one URL make one call.
   */
  public static CertificateFetcher certificatesThrough(Transport transport, Clock clock) {
    return CertificateFetchers.caching(
        new RememberedFailures(new TransportCertificateFetcher(transport), clock),
        CertificateFetchers.DEFAULT_CACHE_TTL,
        clock);
  }

  /**
   * Checks, routes and stores one request; the future completes once the event is committed, or at
   * once with a rejection. Never fails for anything the request contains.
   */
  public CompletableFuture<Received> receive(InboundRequest request) {
    return switch (request.entry()) {
      case EVENT -> event(request);
      case EVENT_BATCH -> batch(request);
      case WEBHOOK -> webhook(request);
      case SNS -> sns(request);
    };
  }

  private CompletableFuture<Received> event(InboundRequest request) {
    SourceGate gate = gates.get(request.source());
    if (gate == null || !EVENT_SOURCES.contains(gate.config().type())) {
      return noSource(request.source());
    }
    Payload body = Payload.of(request.body());
    Received.Rejected refused = contentRefusal(gate, body);
    if (refused != null) {
      return CompletableFuture.completedFuture(refused);
    }
    return store(submission(request, EventTypes.ofEvent(request), body), 202);
  }

  private CompletableFuture<Received> batch(InboundRequest request) {
    SourceGate gate = gates.get(request.source());
    return gate == null ? noSource(request.source()) : batches.receive(gate, request);
  }

  private CompletableFuture<Received> webhook(InboundRequest request) {
    SourceGate gate = gates.get(request.source());
    if (gate == null || gate.config().type() != SourceType.WEBHOOK) {
      return noSource(request.source());
    }
    if (!gate.allows(request.clientAddress())) {
      return rejected(
          Rejection.IP_NOT_ALLOWED,
          "client address " + request.clientAddress() + " is not allowed");
    }
    VerificationResult.Rejected signature = gate.signatureRejection(request);
    if (signature != null) {
      return CompletableFuture.completedFuture(failures.rejected(request.source(), signature));
    }
    Payload body = Payload.of(request.body());
    Received.Rejected refused = contentRefusal(gate, body);
    if (refused != null) {
      return CompletableFuture.completedFuture(refused);
    }
    String type = EventTypes.ofWebhook(gate.config().verify(), request, body);
    return store(submission(request, type, body), 200);
  }

  private CompletableFuture<Received> sns(InboundRequest request) {
    SourceGate gate = gates.get(request.source());
    if (gate == null || gate.config().type() != SourceType.SNS) {
      return noSource(request.source());
    }
    return sns.receive(gate.config(), request);
  }

  /** UTF-8, then the schema. */
  private static Received.@Nullable Rejected contentRefusal(SourceGate gate, Payload body) {
    if (!Utf8.isValid(body.bytes())) {
      return new Received.Rejected(Rejection.INVALID_ENCODING, "request body is not valid UTF-8");
    }
    List<Received.Violation> violations = gate.schemaViolations(body);
    if (!violations.isEmpty()) {
      return new Received.Rejected(
          Rejection.SCHEMA_INVALID, "request body does not match the source schema", violations);
    }
    return null;
  }

  private static Submission submission(InboundRequest request, String eventType, Payload body) {
    return new Submission(
        request.source(),
        eventType,
        body,
        storedHeaders(request.headers()),
        request.header("idempotency-key"),
        null);
  }

  /** The {@code ce-*} headers and {@code content-type}, repeated values joined by ", ". */
  static Map<String, String> storedHeaders(Map<String, List<String>> headers) {
    Map<String, String> kept = new TreeMap<>();
    headers.forEach(
        (name, values) -> {
          if (!values.isEmpty() && (name.startsWith("ce-") || name.equals("content-type"))) {
            kept.put(name, values.size() == 1 ? values.get(0) : String.join(", ", values));
          }
        });
    return kept;
  }

  private CompletableFuture<Received> store(Submission submission, int status) {
    return storing(() -> ingest.apply(submission), result -> answer(submission, result, status));
  }

  /**
   * Starts a write and maps its outcome: {@code answer} for what was stored, a rejection when
   * nothing was (a refused value: 400; an unavailable engine or database: 503).
   */
  static <T> CompletableFuture<Received> storing(
      Supplier<CompletableFuture<T>> write, Function<T, Received> answer) {
    CompletableFuture<T> stored;
    try {
      stored = write.get();
    } catch (InvalidEventException e) {
      return rejected(Rejection.BAD_REQUEST, e.getMessage());
    } catch (StoreRefusedException e) {
      return rejected(Rejection.BAD_REQUEST, refusedMessage(e));
    } catch (UnavailableException | StoreException e) {
      return rejected(Rejection.UNAVAILABLE, unavailableMessage(e));
    }
    return stored.handle(
        (result, failure) -> {
          if (failure == null) {
            return answer.apply(result);
          }
          Throwable cause = unwrap(failure);
          if (cause instanceof StoreRefusedException refused) {
            return new Received.Rejected(Rejection.BAD_REQUEST, refusedMessage(refused));
          }
          if (cause instanceof UnavailableException || cause instanceof StoreException) {
            return new Received.Rejected(Rejection.UNAVAILABLE, unavailableMessage(cause));
          }
          throw failure instanceof CompletionException ce ? ce : new CompletionException(cause);
        });
  }

  private static Received answer(Submission submission, IngestResult result, int status) {
    if (log.isDebugEnabled()) {
      log.debug(
          "accepted event_id={} source={} event_type={} duplicate={} jobs_created={}",
          result.eventId(),
          submission.source(),
          submission.eventType(),
          result.duplicate(),
          result.jobsCreated());
    }
    return result.duplicate()
        ? new Received.Duplicate(result, status)
        : new Received.Accepted(result, status);
  }

  /** The database refused a value of the event: the client's to fix (docs/configuration.md). */
  private static String refusedMessage(StoreRefusedException e) {
    log.debug("storing an event was refused: {}", e.getMessage());
    return "event refused by the database: " + e.reason();
  }

  private static String unavailableMessage(Throwable e) {
    if (e instanceof StoreException) {
      log.warn("storing an event failed: {}", e.getMessage());
      return "database error, try again";
    }
    return "not accepting events: " + e.getMessage();
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable e = failure;
    while (e instanceof CompletionException && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  private static CompletableFuture<Received> noSource(String source) {
    return rejected(Rejection.NOT_FOUND, "no source '" + source + "' for this route");
  }

  private static CompletableFuture<Received> rejected(Rejection reason, String message) {
    return CompletableFuture.completedFuture(new Received.Rejected(reason, message));
  }
}
