package dev.qhook.reliability;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Random mutations of a YAML config as text: lines deleted, duplicated, swapped, re-indented or
 * truncated; values replaced by other types, edge numbers, durations, URLs, expressions, variable
 * references, anchors and aliases; keys renamed; sections added with odd content.
 */
final class ConfigMutations {
  private static final Pattern VALUE = Pattern.compile("^(\\s*-?\\s*[^:#\\s][^:#]*:\\s+)(.+)$");
  private static final Pattern KEY = Pattern.compile("^(\\s*-?\\s*)([^:#\\s][^:#]*)(:.*)$");

  static final List<String> VALUES =
      List.of(
          "",
          "~",
          "null",
          "true",
          "no",
          "0",
          "-1",
          "1.5",
          "99999999999999999999",
          "1e999",
          ".nan",
          "-.inf",
          "0x1F",
          "[]",
          "{}",
          "[a, b]",
          "{a: 1}",
          "\"\"",
          "''",
          "'unterminated",
          "\"\\x\"",
          "10s",
          "0s",
          "-5s",
          "1h1h",
          "10000000000h",
          "5 m",
          "P1D",
          "http://",
          "https://x y/",
          "http://under_score.example/x",
          "http://127.0.0.1:1/x",
          "ftp://x",
          "mysql://u:p@h/db",
          "sqlite:",
          "postgres://u:secret@h:5432/db",
          "${UNSET}",
          "${UNSET:-}",
          "${UNSET:-fallback}",
          "${UNSET:?must be set}",
          "$${ESCAPED}",
          "${}",
          "${A",
          "\"${SET}\"",
          "$.a[",
          "$..a",
          "$['x']",
          "$.a == 1 and",
          "$.a matches '('",
          "$.a matches '(a+)+$'",
          "not not $.a",
          "\"{{ $.a }}\"",
          "'{{'",
          "[\"*\"]",
          "[\"order*\"]",
          "\"*.x\"",
          "[all]",
          "[timeouts]",
          "[4xx, 5xx, timeout, network]",
          "exponential",
          "fixed",
          "linear",
          "github",
          "stripe",
          "sns",
          "cron",
          "outbound",
          "event",
          "webhook",
          "http",
          "grpc",
          "GET",
          "FETCH",
          "slack",
          "generic",
          "[dlq, nope]",
          "&anchor 1",
          "*anchor",
          "!!binary aGk=",
          "!!int x",
          "!!set {a}",
          "|\n  text",
          ">-\n  folded",
          "\"\\u0000\"",
          "\"\\t\"",
          "заказ",
          "🎉",
          "x".repeat(5000),
          "-",
          "? complex",
          "[[[[[[[[[[1]]]]]]]]]]",
          "{a: {b: {c: {d: {e: 1}}}}}");

  static final List<String> KEYS =
      List.of(
          "type",
          "url",
          "source",
          "events",
          "retry",
          "max",
          "interval",
          "max_interval",
          "backoff",
          "jitter",
          "errors",
          "filter",
          "transform",
          "timeout",
          "rate_limit",
          "max_concurrency",
          "ordering_key",
          "idempotency_key",
          "verify",
          "secret",
          "tolerance",
          "allowed_ips",
          "schema",
          "skip_verify",
          "public_url",
          "headers",
          "method",
          "steps",
          "workflows",
          "queues",
          "database",
          "server",
          "port",
          "host",
          "api",
          "auth_token",
          "alerts",
          "on",
          "worker",
          "delivery",
          "retention",
          "<<",
          "unknown_key",
          "Type",
          "url ",
          "",
          "x.y",
          "sources",
          "handlers");

  static final List<String> SECTIONS =
      List.of(
          "worker:\n  max_concurrency: 0\n  stale_threshold_secs: 1\n",
          "delivery:\n  timeout: 10m\n  default_retry: { max: 1001, interval: 2h, max_interval: 1h }\n",
          "alerts:\n  url: ftp://x\n  on: [dlq, nope]\n",
          "database:\n  driver: mysql\n  url: ${DATABASE_URL}\n",
          "api:\n  auth_token: ${UNSET_TOKEN}\n  metrics_auth_token: \"\"\n",
          "server:\n  port: 70000\n  max_body_size: -1\n  host: \"::1\"\n",
          "queues:\n  q:\n    url: http://x\n",
          "retention:\n  events: 0s\n",
          "sources:\n  s:\n    type: webhook\n    verify: github\n",
          "handlers:\n  h:\n    source: nowhere\n    url: http://x_y.example/\n",
          "sources: [a, b]\n",
          "a: &a [*a]\n",
          "x: &x\n  y: *x\n",
          "---\nsecond: document\n",
          "%YAML 1.1\n---\n",
          "!!python/object:os.system x\n");

  private final Gen gen;

  ConfigMutations(Gen gen) {
    this.gen = gen;
  }

  /** {@code text} with one to four random mutations applied. */
  String mutate(String text) {
    String result = text;
    int count = 1 + gen.below(4);
    for (int i = 0; i < count; i++) {
      result = once(result);
    }
    return result;
  }

  private String once(String text) {
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    int at = gen.below(lines.size());
    String line = lines.get(at);
    switch (gen.below(12)) {
      case 0 -> lines.remove(at);
      case 1 -> lines.add(at, line);
      case 2, 3, 4 -> {
        Matcher m = VALUE.matcher(line);
        lines.set(at, m.matches() ? m.group(1) + gen.pick(VALUES) : line + " " + gen.pick(VALUES));
      }
      case 5 -> {
        Matcher m = KEY.matcher(line);
        if (m.matches()) {
          lines.set(at, m.group(1) + gen.pick(KEYS) + m.group(3));
        }
      }
      case 6 -> lines.set(at, gen.pick(List.of("  ", "    ", "\t", "")) + line.stripLeading());
      case 7 -> {
        int other = gen.below(lines.size());
        lines.set(at, lines.get(other));
        lines.set(other, line);
      }
      case 8 -> {
        String indent = line.substring(0, line.length() - line.stripLeading().length());
        lines.add(at, indent + gen.pick(KEYS) + ": " + gen.pick(VALUES));
      }
      case 9 -> lines.add(gen.chance(0.5) ? 0 : lines.size(), gen.pick(SECTIONS));
      case 10 -> {
        return text.substring(0, gen.below(text.length() + 1));
      }
      default -> {
        int pos = gen.below(line.length() + 1);
        String noise = gen.chance(0.5) ? gen.draw(FuzzValues.CONTROL) : gen.draw(FuzzValues.ANY);
        lines.set(at, line.substring(0, pos) + noise + line.substring(pos));
      }
    }
    return String.join("\n", lines);
  }
}
