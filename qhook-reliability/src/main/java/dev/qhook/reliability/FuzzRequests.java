package dev.qhook.reliability;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Generates the fuzzer's requests against the {@code fuzz} profile of {@link KitConfig}: ingest on
 * every route and source (signed correctly, wrongly or not at all), SNS envelopes, management API
 * calls with random parameters, health and metrics, random paths and methods, and malformed HTTP.
 * Nothing generated names a host other than 127.0.0.1.
 */
final class FuzzRequests {
  private static final List<String> METHODS =
      List.of("POST", "POST", "POST", "GET", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE");
  private static final List<String> CONTENT_TYPES =
      List.of(
          "application/json",
          "application/json; charset=utf-8",
          "text/plain",
          "application/cloudevents+json",
          "application/x-www-form-urlencoded",
          "multipart/form-data; boundary=x",
          "application/json; charset=latin1",
          "*/*",
          "",
          "application/octet-stream");
  private static final List<String> ENCODINGS = List.of("gzip", "deflate", "br", "identity", "x");

  private final Gen gen;
  private final FuzzValues values;
  private final FuzzBodies bodies;
  private final int receiverPort;

  FuzzRequests(Gen gen, int receiverPort) {
    this.gen = gen;
    this.values = new FuzzValues(gen);
    this.bodies = new FuzzBodies(gen, values);
    this.receiverPort = receiverPort;
  }

  FuzzRequest next() {
    int roll = gen.below(100);
    if (roll < 30) {
      return event();
    } else if (roll < 55) {
      return webhook();
    } else if (roll < 65) {
      return sns();
    } else if (roll < 80) {
      return api();
    } else if (roll < 93) {
      return other();
    }
    return malformed();
  }

  private FuzzRequest event() {
    String source = gen.chance(0.85) ? gen.pick(KitConfig.EVENT_SOURCES) : values.segment();
    List<Map.Entry<String, String>> headers = commonHeaders(false);
    int auth = gen.below(10);
    if (auth < 8) {
      headers.add(Map.entry("Authorization", "Bearer " + KitConfig.API_TOKEN));
    } else if (auth == 8) {
      headers.add(Map.entry("Authorization", values.headerValue()));
    }
    if (gen.chance(0.3)) {
      headers.add(Map.entry("Idempotency-Key", values.headerValue()));
    }
    return new FuzzRequest(
        "event",
        method(0.9),
        "/events/"
            + source
            + "/"
            + (gen.chance(0.4) ? "order." + values.segment() : values.segment()),
        headers,
        bodies.body(),
        gen.chance(0.05),
        null);
  }

  private FuzzRequest webhook() {
    KitConfig.Webhook target = gen.pick(KitConfig.WEBHOOKS);
    String source = gen.chance(0.9) ? target.name() : values.segment();
    byte[] body = bodies.body();
    List<Map.Entry<String, String>> headers = commonHeaders(false);
    for (String name : List.of("X-GitHub-Event", "X-Shopify-Topic", "X-Gitlab-Event")) {
      if (gen.chance(0.3)) {
        headers.add(Map.entry(name, values.headerValue()));
      }
    }
    if (gen.chance(0.2)) {
      headers.add(Map.entry("Idempotency-Key", values.headerValue()));
    }
    String secret =
        target.verify().equals("standard-webhooks") ? KitConfig.STANDARD_SECRET : KitConfig.SECRET;
    long now = System.currentTimeMillis() / 1000 - (gen.chance(0.1) ? 100_000 : 0);
    List<Map.Entry<String, String>> signature =
        Signatures.sign(target.verify(), secret, body, now, "msg_" + gen.draw(FuzzValues.WORD));
    int mode = gen.below(10);
    for (Map.Entry<String, String> h : signature) {
      if (mode < 7) {
        headers.add(h);
      } else if (mode < 9) {
        String v = h.getValue();
        headers.add(
            Map.entry(
                h.getKey(), v.substring(0, gen.below(v.length() + 1)) + values.headerValue()));
      }
    }
    return new FuzzRequest(
        "webhook",
        method(0.9),
        "/webhooks/" + source + query(),
        headers,
        body,
        gen.chance(0.05),
        null);
  }

  private FuzzRequest sns() {
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
        method(0.95),
        "/sns/" + source,
        commonHeaders(false),
        json.toString().getBytes(StandardCharsets.UTF_8),
        false,
        null);
  }

  private FuzzRequest api() {
    String id = gen.chance(0.5) ? "01JQ7Z8K4T2W9X3B5C6D7E8F9G" : values.segment();
    String path =
        gen.pick(
            List.of(
                "/api/events",
                "/api/jobs",
                "/api/events/" + id,
                "/api/jobs/" + id,
                "/api/jobs/" + id + "/attempts",
                "/api/jobs/" + id + "/retry",
                "/api/jobs/retry",
                "/api/" + values.segment()));
    List<Map.Entry<String, String>> headers = commonHeaders(true);
    if (gen.chance(0.9)) {
      headers.add(Map.entry("Authorization", "Bearer " + KitConfig.API_TOKEN));
    }
    String method = path.endsWith("retry") && gen.chance(0.8) ? "POST" : method(0.2);
    byte[] body = method.equals("POST") ? bodies.body() : new byte[0];
    return new FuzzRequest("api", method, path + query(), headers, body, false, null);
  }

  private FuzzRequest other() {
    String path =
        gen.pick(
            List.of(
                "/health",
                "/ready",
                "/metrics",
                "/_echo",
                "/_echo/" + values.segment(),
                "/",
                "/" + values.segment(),
                "/events",
                "/events/app",
                "/webhooks",
                "/sns/",
                "//events/app/x",
                "/events/app/x/y",
                "/EVENTS/app/x",
                "/health?" + values.segment(),
                "*"));
    List<Map.Entry<String, String>> headers = commonHeaders(true);
    if (path.startsWith("/metrics") && gen.chance(0.7)) {
      headers.add(Map.entry("Authorization", "Bearer " + KitConfig.METRICS_TOKEN));
    }
    String method = method(0.3);
    byte[] body = gen.chance(0.5) ? bodies.body() : new byte[0];
    return new FuzzRequest("other", method, path, headers, body, gen.chance(0.05), null);
  }

  /** Requests whose framing is wrong; none declares more body than it sends. */
  private FuzzRequest malformed() {
    String target = "/events/app/" + gen.draw(FuzzValues.WORD);
    String auth = "Connection: close\r\nAuthorization: Bearer " + KitConfig.API_TOKEN + "\r\n";
    String raw =
        switch (gen.below(14)) {
          case 0 -> "GET\r\n\r\n";
          case 1 -> "POST " + target + " HTTP/1.0\r\n" + auth + "Content-Length: 2\r\n\r\n{}";
          case 2 ->
              "POST "
                  + target
                  + " HTTP/1.1\r\nHost: x\r\n"
                  + auth
                  + "Content-Length: abc\r\n\r\n{}";
          case 3 ->
              "POST " + target + " HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Length: -1\r\n\r\n{}";
          case 4 ->
              "POST "
                  + target
                  + " HTTP/1.1\r\nHost: x\r\n"
                  + auth
                  + "Content-Length: 2\r\nContent-Length: 1\r\n\r\n{}";
          case 5 ->
              "POST "
                  + target
                  + " HTTP/1.1\r\nHost: x\r\nNoColonHere\r\n"
                  + auth
                  + "Content-Length: 2\r\n\r\n{}";
          case 6 ->
              "POST "
                  + target
                  + " HTTP/1.1\nHost: x\n"
                  + auth.replace("\r", "")
                  + "Content-Length: 2\n\n{}";
          case 7 ->
              "POST "
                  + target
                  + " HTTP/1.1\r\nHost: x\r\n"
                  + auth
                  + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n";
          case 8 ->
              "POST "
                  + target
                  + " HTTP/1.1\r\nHost: x\r\n"
                  + auth
                  + "X-Big: "
                  + "b".repeat(gen.pick(List.of(9000, 70_000, 200_000)))
                  + "\r\nContent-Length: 2\r\n\r\n{}";
          case 9 -> {
            StringBuilder many =
                new StringBuilder("POST " + target + " HTTP/1.1\r\nHost: x\r\n" + auth);
            for (int i = 0; i < 500; i++) {
              many.append("X-H").append(i).append(": v\r\n");
            }
            yield many.append("Content-Length: 2\r\n\r\n{}").toString();
          }
          case 10 ->
              "POST "
                  + target
                  + " HTTP/1.1\r\nHost: x\r\n"
                  + auth
                  + "Content-Length: 99999999999999999999\r\n\r\n{}";
          case 11 ->
              "POST "
                  + target
                  + " HTTP/1.1\r\nHost: x\r\n"
                  + auth
                  + "Expect: 100-continue\r\nContent-Length: 2\r\n\r\n{}";
          case 12 ->
              "POST "
                  + target
                  + " HTTP/1.1\r\nHost: x\r\n"
                  + auth
                  + "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n";
          default -> {
            byte[] junk = new byte[gen.below(300) + 1];
            for (int i = 0; i < junk.length; i++) {
              junk[i] = (byte) gen.below(256);
            }
            yield new String(junk, StandardCharsets.ISO_8859_1) + "\r\n\r\n";
          }
        };
    return new FuzzRequest(
        "malformed",
        "",
        "",
        List.of(),
        new byte[0],
        false,
        raw.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** Content-Type, Content-Encoding, CloudEvents headers and an occasional odd header. */
  private List<Map.Entry<String, String>> commonHeaders(boolean mayCompress) {
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    if (gen.chance(0.9)) {
      headers.add(
          Map.entry(
              "Content-Type", gen.chance(0.9) ? gen.pick(CONTENT_TYPES) : values.headerValue()));
    }
    if (gen.chance(0.1)) {
      headers.add(Map.entry("Content-Encoding", gen.pick(ENCODINGS)));
    }
    if (mayCompress && gen.chance(0.3)) {
      headers.add(Map.entry("Accept-Encoding", gen.pick(List.of("gzip", "gzip, br", "*", "x"))));
    }
    for (String ce : List.of("ce-type", "ce-id", "ce-source", "ce-specversion", "ce-subject")) {
      if (gen.chance(0.12)) {
        headers.add(Map.entry(ce, values.headerValue()));
      }
    }
    if (gen.chance(0.1)) {
      headers.add(Map.entry("X-Forwarded-For", values.headerValue()));
    }
    if (gen.chance(0.05)) {
      headers.add(Map.entry(gen.draw(FuzzValues.WORD), values.headerValue()));
    }
    return headers;
  }

  /** POST with {@code probability}, else any method (including made-up ones). */
  private String method(double probability) {
    if (gen.chance(probability)) {
      return "POST";
    }
    return gen.chance(0.9)
        ? gen.pick(METHODS)
        : gen.draw(FuzzValues.WORD).toUpperCase(java.util.Locale.ROOT);
  }

  private String query() {
    if (gen.chance(0.6)) {
      return "";
    }
    StringBuilder q = new StringBuilder("?");
    List<String> names =
        List.of(
            "limit",
            "after",
            "since",
            "until",
            "order",
            "status",
            "source",
            "event_type",
            "handler",
            "event_id",
            "include_attempts",
            values.segment());
    int n = 1 + gen.below(4);
    for (int i = 0; i < n; i++) {
      q.append(i > 0 ? "&" : "").append(gen.pick(names)).append('=');
      q.append(
          gen.pick(
              List.of(
                  values.segment(),
                  values.number(),
                  "0",
                  "1000",
                  "1001",
                  "-1",
                  "asc",
                  "desc",
                  "dead",
                  "DEAD",
                  "2026-03-29",
                  "2026-03-29T12:00:00+02:00",
                  "2026-03-29T12:00:00%2B02:00",
                  "2026-13-45",
                  "99999-01-01",
                  "true",
                  "")));
    }
    return q.toString();
  }

  private static String field(String name, String value) {
    return FuzzValues.quote(name, true) + ":" + FuzzValues.quote(value, true);
  }
}
