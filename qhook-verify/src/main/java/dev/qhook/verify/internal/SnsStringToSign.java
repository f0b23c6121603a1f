package dev.qhook.verify.internal;

import dev.qhook.verify.SnsMessage;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The canonical string AWS SNS signs: {@code Key\nValue\n} for each present key, in a fixed order
 * per message type.
 */
public final class SnsStringToSign {
  private SnsStringToSign() {}

  /** The string to sign, or null for a {@code Type} SNS does not sign this way. */
  public static @Nullable String of(SnsMessage m) {
    Map<String, @Nullable String> fields = new LinkedHashMap<>();
    switch (m.type()) {
      case SnsMessage.NOTIFICATION -> {
        fields.put("Message", m.message());
        fields.put("MessageId", m.messageId());
        fields.put("Subject", m.subject());
        fields.put("Timestamp", m.timestamp());
        fields.put("TopicArn", m.topicArn());
        fields.put("Type", m.type());
      }
      case SnsMessage.SUBSCRIPTION_CONFIRMATION, SnsMessage.UNSUBSCRIBE_CONFIRMATION -> {
        fields.put("Message", m.message());
        fields.put("MessageId", m.messageId());
        fields.put("SubscribeURL", m.subscribeUrl());
        fields.put("Timestamp", m.timestamp());
        fields.put("Token", m.token());
        fields.put("TopicArn", m.topicArn());
        fields.put("Type", m.type());
      }
      default -> {
        return null;
      }
    }
    StringBuilder out = new StringBuilder();
    fields.forEach(
        (key, value) -> {
          if (value != null) {
            out.append(key).append('\n').append(value).append('\n');
          }
        });
    return out.toString();
  }
}
