package dev.qhook.internal.config;

import dev.qhook.config.Backoff;
import dev.qhook.config.ErrorClass;
import dev.qhook.config.RetryPolicy;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a retry block (docs/reference/configuration.md, "The retry block") over a fallback policy,
 * key by key.
 */
final class RetryBinder {
  static final List<String> KEYS =
      List.of("max", "backoff", "interval", "max_interval", "jitter", "errors");
  static final List<String> ERROR_CLASSES = List.of("4xx", "5xx", "timeout", "network", "all");
  private static final int MAX_ATTEMPTS_LIMIT = 1000;

  private RetryBinder() {}

  /** The block at {@code key} of {@code parent} merged over {@code fallback}. */
  static RetryPolicy bind(Section parent, String key, RetryPolicy fallback) {
    if (!parent.has(key)) {
      return fallback;
    }
    Section block = parent.section(key);
    block.allowOnly(KEYS);
    int max = Math.max(1, block.integer("max", fallback.maxAttempts(), 0, MAX_ATTEMPTS_LIMIT));
    String backoffName =
        block.oneOf(
            "backoff",
            "backoff",
            List.of("exponential", "fixed"),
            fallback.backoff().name().toLowerCase(java.util.Locale.ROOT),
            false);
    Backoff backoff = backoffName.equals("fixed") ? Backoff.FIXED : Backoff.EXPONENTIAL;
    Duration interval = block.duration("interval", fallback.interval());
    if (interval.isZero()) {
      block.error("interval", "must be > 0");
      interval = fallback.interval();
    }
    Duration maxInterval = block.duration("max_interval", fallback.maxInterval());
    if (maxInterval.compareTo(interval) < 0) {
      if (block.has("max_interval")) {
        block.error(
            "max_interval",
            "must be >= interval ("
                + Durations.format(interval)
                + "), was "
                + Durations.format(maxInterval));
      } else {
        block.error(
            "interval",
            "must be <= max_interval ("
                + Durations.format(maxInterval)
                + "), was "
                + Durations.format(interval));
      }
      maxInterval = interval;
    }
    boolean jitter = block.bool("jitter", fallback.jitter());
    Set<ErrorClass> errors =
        block.has("errors") ? errorClasses(block, "errors") : fallback.errors();
    return new RetryPolicy(max, backoff, interval, maxInterval, jitter, errors);
  }

  /** A list of {@code 4xx}, {@code 5xx}, {@code timeout}, {@code network}, {@code all}. */
  static Set<ErrorClass> errorClasses(Section section, String key) {
    Set<ErrorClass> classes = EnumSet.noneOf(ErrorClass.class);
    List<String> names = section.stringList(key);
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (name.equals("all")) {
        classes.addAll(EnumSet.allOf(ErrorClass.class));
        continue;
      }
      boolean known = false;
      for (ErrorClass c : ErrorClass.values()) {
        if (c.label().equals(name)) {
          classes.add(c);
          known = true;
        }
      }
      if (!known) {
        section
            .problems()
            .error(
                section.pathOf(key) + "[" + i + "]",
                Section.unsupported("error class", name, ERROR_CLASSES));
      }
    }
    return classes;
  }
}
