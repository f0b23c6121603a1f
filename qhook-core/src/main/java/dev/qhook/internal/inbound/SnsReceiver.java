package dev.qhook.internal.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.InboundRequest;
import dev.qhook.InvalidEventException;
import dev.qhook.Received;
import dev.qhook.Rejection;
import dev.qhook.config.SourceConfig;
import dev.qhook.internal.ingest.EventValues;
import dev.qhook.internal.ingest.Payload;
import dev.qhook.internal.ingest.Submission;
import dev.qhook.internal.json.Json;
import dev.qhook.verify.SnsMessage;
import dev.qhook.verify.SnsMessageVerifier;
import dev.qhook.verify.VerificationResult;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * An AWS SNS message to an {@code sns} source: its shape (400), its {@code TopicArn} against the
 * source's {@code topic_arns} when set (403), the signature unless {@code skip_verify} (401), then
 * by {@code Type}: confirm a subscription, ingest a notification's {@code Message} (the envelope is
 * not stored), acknowledge an unsubscription. {@code allowed_ips} and {@code schema} do not apply.
 */
final class SnsReceiver {
  static final String SUBSCRIPTION_CONFIRMED = "Subscription confirmed";
  static final String UNSUBSCRIBE_ACKNOWLEDGED = "Unsubscribe acknowledged";

  private final SnsMessageVerifier verifier;
  private final SnsSubscriptions subscriptions;
  private final InboundReceiver.Store store;
  private final InboundReceiver.VerificationFailures failures;

  SnsReceiver(
      SnsMessageVerifier verifier,
      SnsSubscriptions subscriptions,
      InboundReceiver.Store store,
      InboundReceiver.VerificationFailures failures) {
    this.verifier = verifier;
    this.subscriptions = subscriptions;
    this.store = store;
    this.failures = failures;
  }

  /** Never throws for bad input; a subscription confirmation blocks for its HTTP call. */
  CompletableFuture<Received> receive(SourceConfig source, InboundRequest request) {
    SnsMessage.ParseResult parsed = SnsMessage.parse(request.body());
    if (parsed instanceof SnsMessage.Invalid invalid) {
      return done(new Received.Rejected(Rejection.INVALID_SNS_MESSAGE, invalid.problem()));
    }
    SnsMessage message = ((SnsMessage.Parsed) parsed).message();
    if (!source.topicArns().isEmpty() && !source.topicArns().contains(message.topicArn())) {
      // Before the signature: a refusal needs no proof, and saves the certificate fetch.
      return done(
          new Received.Rejected(
              Rejection.TOPIC_NOT_ALLOWED,
              "TopicArn '"
                  + abbreviate(message.topicArn(), 256)
                  + "' is not in sources."
                  + source.name()
                  + ".topic_arns"));
    }
    if (!source.skipVerify()) {
      VerificationResult result = verifier.verify(message);
      if (result instanceof VerificationResult.Rejected rejected) {
        if (rejected.reason() == VerificationResult.Reason.MALFORMED_MESSAGE) {
          return done(new Received.Rejected(Rejection.INVALID_SNS_MESSAGE, rejected.message()));
        }
        return done(failures.rejected(source.name(), rejected));
      }
    }
    return switch (message.type()) {
      case SnsMessage.SUBSCRIPTION_CONFIRMATION -> done(confirm(message, source.skipVerify()));
      case SnsMessage.NOTIFICATION -> notification(source.name(), message);
      case SnsMessage.UNSUBSCRIBE_CONFIRMATION ->
          done(new Received.Acknowledged(UNSUBSCRIBE_ACKNOWLEDGED));
      default ->
          done(
              new Received.Rejected(
                  Rejection.INVALID_SNS_MESSAGE,
                  "unsupported SNS Type '" + abbreviate(message.type(), 40) + "'"));
    };
  }

  private Received confirm(SnsMessage message, boolean skipVerify) {
    String subscribeUrl = message.subscribeUrl();
    if (subscribeUrl == null || subscribeUrl.isEmpty()) {
      return new Received.Rejected(
          Rejection.INVALID_SNS_MESSAGE, "SubscriptionConfirmation lacks SubscribeURL");
    }
    Received.Rejected failed = subscriptions.confirm(subscribeUrl, skipVerify);
    return failed != null ? failed : new Received.Acknowledged(SUBSCRIPTION_CONFIRMED);
  }

  private CompletableFuture<Received> notification(String source, SnsMessage message) {
    try {
      EventValues.checkKey("MessageId", message.messageId());
    } catch (InvalidEventException e) {
      return done(new Received.Rejected(Rejection.BAD_REQUEST, e.getMessage()));
    }
    byte[] bytes = message.message().getBytes(StandardCharsets.UTF_8);
    JsonNode json = Json.parseOrNull(bytes);
    String contentType = json != null ? "application/json" : "text/plain; charset=utf-8";
    return store.store(
        new Submission(
            source,
            EventTypes.ofSnsNotification(json, message.subject()),
            Payload.parsed(bytes, json),
            Map.of("content-type", contentType),
            null,
            message.messageId()),
        200);
  }

  private static CompletableFuture<Received> done(Received received) {
    return CompletableFuture.completedFuture(received);
  }

  private static String abbreviate(String value, int max) {
    return value.length() <= max ? value : value.substring(0, max) + "...";
  }
}
