package dev.qhook.server.internal.routes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.IngestRequest;
import dev.qhook.QHook;
import dev.qhook.config.SourceConfig;
import dev.qhook.config.SourceType;
import dev.qhook.server.internal.http.ApiException;
import dev.qhook.server.internal.http.Request;
import dev.qhook.server.internal.http.Response;
import dev.qhook.server.internal.http.ServerJson;
import dev.qhook.verify.SnsMessage;
import dev.qhook.verify.SnsMessageVerifier;
import dev.qhook.verify.VerificationResult;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /sns/{source}} (SPEC §8.2): database health, source, SNS message shape (400), the
 * signature unless {@code skip_verify} (401), then by {@code Type}: confirm a subscription, ingest
 * a notification's {@code Message}, acknowledge an unsubscription.
 */
final class SnsRoute {
  static final String DEFAULT_EVENT_TYPE = "sns.notification";

  private final QHook engine;
  private final Readiness readiness;
  private final SnsMessageVerifier verifier;
  private final SnsSubscriptions subscriptions;
  private final IngestResponses responses;

  SnsRoute(
      QHook engine,
      Readiness readiness,
      VerificationSettings settings,
      SnsSubscriptions subscriptions,
      IngestResponses responses) {
    this.engine = engine;
    this.readiness = readiness;
    this.verifier = new SnsMessageVerifier(settings.certificateFetcher(), settings.clock());
    this.subscriptions = subscriptions;
    this.responses = responses;
  }

  Response handle(Request request) {
    readiness.requireReady();
    String source = request.pathParam("source");
    SourceConfig config = engine.config().sources().get(source);
    if (config == null || config.type() != SourceType.SNS) {
      throw ApiException.notFound("no source '" + source + "' for this route");
    }
    SnsMessage.ParseResult parsed = SnsMessage.parse(request.body());
    if (parsed instanceof SnsMessage.Invalid invalid) {
      throw ApiException.invalidSnsMessage(invalid.problem());
    }
    SnsMessage message = ((SnsMessage.Parsed) parsed).message();
    if (!config.skipVerify()) {
      VerificationResult result = verifier.verify(message);
      if (result instanceof VerificationResult.Rejected rejected) {
        if (rejected.reason() == VerificationResult.Reason.MALFORMED_MESSAGE) {
          throw ApiException.invalidSnsMessage(rejected.message());
        }
        throw SourceVerifiers.rejectedSignature(engine, source, rejected);
      }
    }
    return switch (message.type()) {
      case SnsMessage.SUBSCRIPTION_CONFIRMATION -> confirm(message, config.skipVerify());
      case SnsMessage.NOTIFICATION -> notification(source, message);
      case SnsMessage.UNSUBSCRIBE_CONFIRMATION ->
          Response.text(200, "text/plain; charset=utf-8", "Unsubscribe acknowledged");
      default ->
          throw ApiException.invalidSnsMessage(
              "unsupported SNS Type '" + abbreviate(message.type()) + "'");
    };
  }

  private Response confirm(SnsMessage message, boolean skipVerify) {
    String subscribeUrl = message.subscribeUrl();
    if (subscribeUrl == null || subscribeUrl.isEmpty()) {
      throw ApiException.invalidSnsMessage("SubscriptionConfirmation lacks SubscribeURL");
    }
    subscriptions.confirm(subscribeUrl, skipVerify);
    return Response.text(200, "text/plain; charset=utf-8", "Subscription confirmed");
  }

  private Response notification(String source, SnsMessage message) {
    byte[] payload = message.message().getBytes(StandardCharsets.UTF_8);
    JsonNode json = ServerJson.parseOrNull(payload);
    String contentType = json != null ? "application/json" : "text/plain; charset=utf-8";
    return responses.ingest(
        new IngestRequest(
            source,
            eventType(json, message.subject()),
            payload,
            Map.of("content-type", contentType),
            message.messageId()),
        200);
  }

  /**
   * A JSON object message's {@code type}, else its {@code detail-type} (EventBridge); else a
   * non-empty {@code Subject}; else {@code sns.notification}.
   */
  static String eventType(@Nullable JsonNode message, @Nullable String subject) {
    String type = WebhookEventTypes.text(message, "type");
    if (type == null) {
      type = WebhookEventTypes.text(message, "detail-type");
    }
    if (type == null && subject != null && !subject.isEmpty()) {
      type = subject;
    }
    return type == null ? DEFAULT_EVENT_TYPE : type;
  }

  private static String abbreviate(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "...";
  }
}
