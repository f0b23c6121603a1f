package dev.qhook.internal.config;

import static dev.qhook.internal.config.TreeValues.duration;
import static dev.qhook.internal.config.TreeValues.lower;
import static dev.qhook.internal.config.TreeValues.putIf;
import static dev.qhook.internal.config.TreeValues.putIfSet;

import dev.qhook.config.ErrorClass;
import dev.qhook.config.HandlerConfig;
import dev.qhook.config.QueueConfig;
import dev.qhook.config.RetryPolicy;
import dev.qhook.config.SourceConfig;
import dev.qhook.config.SourceType;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The config-file form of sources, handlers and retry blocks, for {@link ConfigTree}. */
final class EntryTrees {
  private EntryTrees() {}

  /**
   * {@code sources.<name>}. A key is written when its value differs from what an absent key binds
   * to, so a key that does not fit the source's type is reported only when it was really set. The
   * {@code retry} and {@code timeout} of an outbound source are always written: they are the
   * source's own, not inherited from {@code delivery}.
   */
  static Map<String, Object> source(SourceConfig s, BoundConfig config) {
    SourceConfig d = SourceConfig.of(s.name(), s.type());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", lower(s.type()));
    putIfSet(m, "verify", s.verify());
    putIf(m, !s.secrets().isEmpty(), "secret", s.secrets());
    putIfSet(m, "public_url", s.publicUrl());
    putIf(m, !s.tolerance().equals(d.tolerance()), "tolerance", duration(s.tolerance()));
    putIf(m, !s.allowedIps().isEmpty(), "allowed_ips", s.allowedIps());
    putIfSet(m, "schema", s.schema());
    putIf(m, s.skipVerify(), "skip_verify", true);
    putIf(m, !s.topicArns().isEmpty(), "topic_arns", s.topicArns());
    putIfSet(m, "schedule", s.schedule());
    putIf(m, !s.timezone().equals(ZoneOffset.UTC), "timezone", s.timezone().getId());
    boolean outbound = s.type() == SourceType.OUTBOUND;
    RetryPolicy inherited = config.delivery().defaultRetry();
    putIf(
        m,
        outbound || !(s.retry().equals(d.retry()) || s.retry().equals(inherited)),
        "retry",
        retry(s.retry()));
    Duration inheritedTimeout = config.delivery().timeout();
    putIf(
        m,
        outbound || !(s.timeout().equals(d.timeout()) || s.timeout().equals(inheritedTimeout)),
        "timeout",
        duration(s.timeout()));
    putIf(
        m,
        !s.rotationGrace().equals(d.rotationGrace()),
        "rotation_grace",
        duration(s.rotationGrace()));
    putIf(
        m, !s.disableAfter().equals(d.disableAfter()), "disable_after", duration(s.disableAfter()));
    return m;
  }

  /**
   * {@code handlers.<name>}. {@code retry} and {@code timeout} are always written: a handler's
   * values are its own. An empty {@code source} or {@code url} is left out, and so reported as
   * required.
   */
  static Map<String, Object> handler(HandlerConfig h) {
    Map<String, Object> m = new LinkedHashMap<>();
    putIf(m, !h.source().isEmpty(), "source", h.source());
    putIf(m, !h.events().isEmpty(), "events", h.events());
    putIf(m, !h.url().isEmpty(), "url", h.url());
    putIf(m, !h.method().equals("POST"), "method", h.method());
    putIf(m, !h.headers().isEmpty(), "headers", h.headers());
    putIfSet(m, "filter", h.filter());
    putIfSet(m, "transform", h.transform());
    putIfSet(m, "idempotency_key", h.idempotencyKey());
    m.put("retry", retry(h.retry()));
    m.put("timeout", duration(h.timeout()));
    putIfSet(m, "rate_limit", h.rateLimit());
    putIfSet(m, "max_concurrency", h.maxConcurrency());
    putIfSet(m, "ordering_key", h.orderingKey());
    return m;
  }

  /**
   * {@code queues.<name>}. {@code retry} and {@code max_attempts} are always written: a queue's
   * values are its own. An empty {@code source} is left out, and so reported as required.
   */
  static Map<String, Object> queue(QueueConfig q) {
    Map<String, Object> m = new LinkedHashMap<>();
    putIf(m, !q.source().isEmpty(), "source", q.source());
    putIf(m, !q.events().isEmpty(), "events", q.events());
    putIfSet(m, "filter", q.filter());
    putIfSet(m, "idempotency_key", q.idempotencyKey());
    putIfSet(m, "ordering_key", q.orderingKey());
    putIf(
        m,
        !q.visibilityTimeout().equals(QueueConfig.DEFAULT_VISIBILITY_TIMEOUT),
        "visibility_timeout",
        duration(q.visibilityTimeout()));
    m.put("max_attempts", q.maxAttempts());
    m.put("retry", retry(q.retry()));
    putIfSet(m, "api_key", q.apiKey());
    return m;
  }

  /** A whole retry block, every key written. */
  static Map<String, Object> retry(RetryPolicy p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("max", p.maxAttempts());
    m.put("backoff", lower(p.backoff()));
    m.put("interval", duration(p.interval()));
    m.put("max_interval", duration(p.maxInterval()));
    m.put("jitter", p.jitter());
    m.put(
        "errors",
        p.errors().containsAll(EnumSet.allOf(ErrorClass.class))
            ? List.of("all")
            : p.errors().stream().sorted().map(ErrorClass::label).toList());
    return m;
  }
}
