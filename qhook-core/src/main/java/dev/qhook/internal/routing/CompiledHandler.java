package dev.qhook.internal.routing;

import dev.qhook.config.HandlerConfig;
import dev.qhook.internal.expr.Template;
import dev.qhook.spi.JobKind;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/** A handler with its patterns, filter, transform and key paths parsed once. */
public record CompiledHandler(
    HandlerConfig config, ConsumerRule rule, @Nullable Template transform, @Nullable URI parsedUrl)
    implements RoutedConsumer {

  public static CompiledHandler compile(HandlerConfig config) {
    return new CompiledHandler(
        config,
        ConsumerRule.compile(
            config.events(), config.filter(), config.idempotencyKey(), config.orderingKey()),
        config.transform() == null ? null : Template.parse(config.transform()),
        parseOrNull(config.url()));
  }

  /**
   * The URL deliveries go to, parsed once. A URL that does not parse (only a config built in code
   * can hold one) is parsed again here and fails the delivery, as it always did.
   */
  public URI url() {
    return parsedUrl != null ? parsedUrl : URI.create(config.url());
  }

  private static @Nullable URI parseOrNull(String url) {
    try {
      return URI.create(url);
    } catch (IllegalArgumentException invalid) {
      return null;
    }
  }

  @Override
  public String name() {
    return config.name();
  }

  @Override
  public JobKind kind() {
    return JobKind.HANDLER;
  }

  @Override
  public String section() {
    return "handlers";
  }

  @Override
  public String jobUrl() {
    return config.url();
  }

  @Override
  public int maxAttempts() {
    return config.retry().maxAttempts();
  }
}
