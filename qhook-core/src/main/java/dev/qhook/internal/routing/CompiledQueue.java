package dev.qhook.internal.routing;

import dev.qhook.config.QueueConfig;
import dev.qhook.spi.JobKind;
import org.jspecify.annotations.Nullable;

/** A queue with its patterns, filter and key paths parsed once. */
public record CompiledQueue(QueueConfig config, ConsumerRule rule) implements RoutedConsumer {

  public static CompiledQueue compile(QueueConfig config) {
    return new CompiledQueue(
        config,
        ConsumerRule.compile(
            config.events(), config.filter(), config.idempotencyKey(), config.orderingKey()));
  }

  @Override
  public String name() {
    return config.name();
  }

  @Override
  public JobKind kind() {
    return JobKind.QUEUE;
  }

  @Override
  public String section() {
    return "queues";
  }

  @Override
  public @Nullable String jobUrl() {
    return null;
  }

  @Override
  public int maxAttempts() {
    return config.maxAttempts();
  }
}
