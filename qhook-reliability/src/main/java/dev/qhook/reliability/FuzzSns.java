package dev.qhook.reliability;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The fuzzer's SNS envelopes: notifications and subscription messages with random, missing and
 * misspelt fields, certificate and subscribe URLs on the local receiver.
 */
final class FuzzSns {
  private final Gen gen;
  private final FuzzValues values;
  private final FuzzBodies bodies;
  private final FuzzParts parts;
  private final int receiverPort;

  FuzzSns(FuzzParts parts, int receiverPort) {
    this.gen = parts.gen;
    this.values = parts.values;
    this.bodies = parts.bodies;
    this.parts = parts;
    this.receiverPort = receiverPort;
  }

  FuzzRequest sns() {
    String source = gen.chance(0.9) ? gen.pick(KitConfig.SNS_SOURCES) : values.segment();
    String receiver = "http://127.0.0.1:" + receiverPort;
    StringBuilder json = new StringBuilder("{");
    List<String> fields = new ArrayList<>();
    String type =
        gen.pick(
            List.of(
                "Notification",
                "Notification",
                "Notification",
                "SubscriptionConfirmation",
                "UnsubscribeConfirmation",
                values.text()));
    fields.add(field("Type", type));
    fields.add(field("MessageId", gen.chance(0.8) ? "m-" + gen.nextLong() : values.text()));
    String message = gen.chance(0.6) ? bodies.object(2, true) : values.text();
    fields.add(field("Message", message));
    fields.add(field("Timestamp", gen.chance(0.8) ? "2026-03-29T10:15:30.123Z" : values.text()));
    fields.add(
        field("TopicArn", "arn:aws:sns:us-east-1:123456789012:" + gen.draw(FuzzValues.WORD)));
    fields.add(field("Signature", gen.chance(0.5) ? "c2lnbmF0dXJl" : values.text()));
    fields.add(field("SignatureVersion", gen.pick(List.of("1", "2", "3", "", values.text()))));
    fields.add(
        field(
            gen.chance(0.8) ? "SigningCertURL" : "SigningCertUrl",
            gen.pick(List.of(receiver + "/cert.pem", "not a url", "", "https://127.0.0.1/x.pem"))));
    if (gen.chance(0.5)) {
      fields.add(field("Subject", values.text()));
    }
    if (gen.chance(0.5)) {
      fields.add(
          field(
              gen.chance(0.8) ? "SubscribeURL" : "SubscribeUrl",
              gen.pick(
                  List.of(receiver + "/confirm", receiver + "/confirm?x=%00", "", values.text()))));
    }
    if (gen.chance(0.2)) {
      fields.add(field("Token", values.text()));
    }
    for (String f : fields) {
      if (gen.chance(0.95)) {
        json.append(json.length() > 1 ? "," : "").append(f);
      }
    }
    json.append('}');
    return new FuzzRequest(
        "sns",
        parts.method(0.95),
        "/sns/" + source,
        parts.commonHeaders(false),
        json.toString().getBytes(StandardCharsets.UTF_8),
        false,
        null);
  }

  private static String field(String name, String value) {
    return FuzzValues.quote(name, true) + ":" + FuzzValues.quote(value, true);
  }
}
