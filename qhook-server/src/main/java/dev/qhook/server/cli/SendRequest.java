package dev.qhook.server.cli;

import dev.qhook.config.SourceConfig;
import dev.qhook.server.internal.http.ServerJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What {@code qhook send} posts for each kind of source (docs/reference/cli.md, "send"): an event
 * or outbound source {@code /events/{source}/{type}} with the API token; a cron source a tick now
 * ({@code POST /api/sources/{source}/tick}, type {@code cron.tick}, payload {@code {"source",
 * "fired_at"}}); an SNS source with {@code skip_verify} the payload as the {@code Message} of an
 * SNS Notification envelope with {@code Subject} the type; a webhook source the payload as is.
 */
record SendRequest(String path, byte[] body, Map<String, String> headers) {
  /** The type of every cron event. */
  static final String CRON_TICK = "cron.tick";

  /** The topic of the envelope when the source does not list {@code topic_arns}. */
  static final String LOCAL_TOPIC = "arn:aws:sns:us-east-1:000000000000:qhook-send";

  /**
   * @param payloadGiven whether the user gave a payload (a cron tick takes none)
   * @throws CliFailure the source cannot take what was given
   */
  static SendRequest of(
      SourceConfig source,
      String type,
      byte[] payload,
      boolean payloadGiven,
      @Nullable String token,
      Instant now) {
    String name = ApiPath.encode(source.name());
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("ce-type", type);
    return switch (source.type()) {
      case EVENT, OUTBOUND -> {
        bearer(headers, token);
        yield new SendRequest("/events/" + name + "/" + ApiPath.encode(type), payload, headers);
      }
      case CRON -> {
        if (!type.equals(CRON_TICK) || payloadGiven) {
          throw new CliFailure(
              "source '"
                  + source.name()
                  + "' is a cron source: its events are "
                  + CRON_TICK
                  + " with the payload {source, fired_at}; send it with -t "
                  + CRON_TICK
                  + " and no payload");
        }
        headers.remove("ce-type");
        bearer(headers, token);
        yield new SendRequest("/api/sources/" + name + "/tick", new byte[0], headers);
      }
      case SNS -> {
        if (!source.skipVerify()) {
          throw new CliFailure(
              "source '"
                  + source.name()
                  + "' checks AWS signatures, which only AWS can make: send posts to an SNS source"
                  + " only with skip_verify: true (local emulators); publish to the topic instead,"
                  + " or see the consumers with --dry-run");
        }
        headers.remove("ce-type");
        headers.put("x-amz-sns-message-type", "Notification");
        yield new SendRequest("/sns/" + name, envelope(source, type, payload, now), headers);
      }
      case WEBHOOK -> new SendRequest("/webhooks/" + name, payload, headers);
    };
  }

  /** An SNS Notification carrying {@code payload}; its signature fields are placeholders. */
  private static byte[] envelope(SourceConfig source, String type, byte[] payload, Instant now) {
    List<String> topics = source.topicArns();
    Map<String, Object> n = new LinkedHashMap<>();
    n.put("Type", "Notification");
    n.put("MessageId", UUID.randomUUID().toString());
    n.put("TopicArn", topics.isEmpty() ? LOCAL_TOPIC : topics.get(0));
    n.put("Subject", type);
    n.put("Message", new String(payload, StandardCharsets.UTF_8));
    n.put("Timestamp", now.truncatedTo(ChronoUnit.MILLIS).toString());
    n.put("SignatureVersion", "1");
    n.put("Signature", "unsigned-qhook-send");
    n.put("SigningCertURL", "https://sns.us-east-1.amazonaws.com/qhook-send-unsigned.pem");
    return ServerJson.write(n);
  }

  private static void bearer(Map<String, String> headers, @Nullable String token) {
    if (token != null) {
      headers.put("Authorization", "Bearer " + token);
    }
  }
}
