package dev.qhook.verify;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * An AWS SNS HTTP(S) message, as posted to a subscribed endpoint.
 *
 * @param type {@code Notification}, {@code SubscriptionConfirmation} or {@code
 *     UnsubscribeConfirmation} (others parse but do not verify)
 * @param messageId the {@code MessageId}
 * @param message the {@code Message}: a notification's payload
 * @param timestamp the {@code Timestamp} as sent (ISO-8601)
 * @param topicArn the {@code TopicArn}
 * @param signature the base64 {@code Signature}
 * @param signatureVersion {@code 1} (SHA1withRSA) or {@code 2} (SHA256withRSA)
 * @param signingCertUrl the {@code SigningCertURL}
 * @param subject the optional {@code Subject}
 * @param token the optional {@code Token} of a confirmation
 * @param subscribeUrl the optional {@code SubscribeURL} of a confirmation
 * @param unsubscribeUrl the optional {@code UnsubscribeURL}
 */
public record SnsMessage(
    String type,
    String messageId,
    String message,
    String timestamp,
    String topicArn,
    String signature,
    String signatureVersion,
    String signingCertUrl,
    @Nullable String subject,
    @Nullable String token,
    @Nullable String subscribeUrl,
    @Nullable String unsubscribeUrl) {

  /** {@code Type} of a message carrying a payload. */
  public static final String NOTIFICATION = "Notification";

  /** {@code Type} of the message asking the endpoint to confirm a subscription. */
  public static final String SUBSCRIPTION_CONFIRMATION = "SubscriptionConfirmation";

  /** {@code Type} of the message telling the endpoint it was unsubscribed. */
  public static final String UNSUBSCRIBE_CONFIRMATION = "UnsubscribeConfirmation";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Validates that the required fields are present. */
  public SnsMessage {
    requireNonNull(type, "type");
    requireNonNull(messageId, "messageId");
    requireNonNull(message, "message");
    requireNonNull(timestamp, "timestamp");
    requireNonNull(topicArn, "topicArn");
    requireNonNull(signature, "signature");
    requireNonNull(signatureVersion, "signatureVersion");
    requireNonNull(signingCertUrl, "signingCertUrl");
  }

  /** The outcome of {@link #parse}: {@link Parsed} or {@link Invalid}. */
  public sealed interface ParseResult {}

  /** The body is a well-formed SNS message. */
  public record Parsed(SnsMessage message) implements ParseResult {}

  /** The body is not an SNS message; {@code problem} says why (for a 400 response). */
  public record Invalid(String problem) implements ParseResult {}

  /**
   * Parses a raw SNS body: a JSON object whose {@code Type}, {@code MessageId}, {@code Message},
   * {@code Timestamp}, {@code TopicArn}, {@code Signature}, {@code SignatureVersion} and {@code
   * SigningCertURL} are strings; {@code Subject}, {@code Token}, {@code SubscribeURL} and {@code
   * UnsubscribeURL} are optional strings. Keys ending in {@code URL} may be spelled {@code Url}.
   * Never throws on bad input.
   */
  public static ParseResult parse(byte[] body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException | RuntimeException notJson) {
      return new Invalid("SNS body is not JSON");
    }
    if (root == null || !root.isObject()) {
      return new Invalid("SNS body is not a JSON object");
    }
    Fields fields = new Fields(root);
    String type = fields.required("Type");
    String messageId = fields.required("MessageId");
    String message = fields.required("Message");
    String timestamp = fields.required("Timestamp");
    String topicArn = fields.required("TopicArn");
    String signature = fields.required("Signature");
    String signatureVersion = fields.required("SignatureVersion");
    String signingCertUrl = fields.required("SigningCertURL");
    String subject = fields.optional("Subject");
    String token = fields.optional("Token");
    String subscribeUrl = fields.optional("SubscribeURL");
    String unsubscribeUrl = fields.optional("UnsubscribeURL");
    if (fields.problem != null) {
      return new Invalid(fields.problem);
    }
    return new Parsed(
        new SnsMessage(
            requireNonNull(type),
            requireNonNull(messageId),
            requireNonNull(message),
            requireNonNull(timestamp),
            requireNonNull(topicArn),
            requireNonNull(signature),
            requireNonNull(signatureVersion),
            requireNonNull(signingCertUrl),
            subject,
            token,
            subscribeUrl,
            unsubscribeUrl));
  }

  /** Reads string fields, remembering the first problem. */
  private static final class Fields {
    private final JsonNode root;
    private @Nullable String problem;

    Fields(JsonNode root) {
      this.root = root;
    }

    @Nullable String required(String key) {
      String value = optional(key);
      if (value == null && problem == null) {
        problem = "SNS message lacks the string field " + key;
      }
      return value;
    }

    @Nullable String optional(String key) {
      JsonNode node = root.get(key);
      if (node == null && key.endsWith("URL")) {
        node = root.get(key.substring(0, key.length() - 3) + "Url");
      }
      if (node == null || node.isNull()) {
        return null;
      }
      if (!node.isTextual()) {
        if (problem == null) {
          problem = "SNS message field " + key + " is not a string";
        }
        return null;
      }
      return node.textValue();
    }
  }
}
