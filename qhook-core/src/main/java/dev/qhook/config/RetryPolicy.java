package dev.qhook.config;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

public record RetryPolicy(
    int maxAttempts,
    Backoff backoff,
    Duration interval,
    Duration maxInterval,
    boolean jitter,
    Set<ErrorClass> errors) {
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(
          5,
          Backoff.EXPONENTIAL,
          Duration.ofSeconds(30),
          Duration.ofHours(1),
          true,
          EnumSet.allOf(ErrorClass.class));
}
