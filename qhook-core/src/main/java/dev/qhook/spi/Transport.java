package dev.qhook.spi;

/**
 * Sends HTTP requests for deliveries. Implementations never follow redirects, bound the response
 * body, and classify failures instead of throwing. The default uses {@code java.net.http}.
 */
public interface Transport extends AutoCloseable {
  TransportResult send(TransportRequest request);

  @Override
  default void close() {}
}
