package dev.qhook.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What every family of the fuzzer's requests draws from: the generator, values and bodies, and the
 * headers, methods and query strings they share.
 */
final class FuzzParts {
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

  final Gen gen;
  final FuzzValues values;
  final FuzzBodies bodies;

  FuzzParts(Gen gen) {
    this.gen = gen;
    this.values = new FuzzValues(gen);
    this.bodies = new FuzzBodies(gen, values);
  }

  /** Content-Type, Content-Encoding, CloudEvents headers and an occasional odd header. */
  List<Map.Entry<String, String>> commonHeaders(boolean mayCompress) {
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
  String method(double probability) {
    if (gen.chance(probability)) {
      return "POST";
    }
    return gen.chance(0.9)
        ? gen.pick(METHODS)
        : gen.draw(FuzzValues.WORD).toUpperCase(java.util.Locale.ROOT);
  }

  String query() {
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
}
