package dev.qhook.spi;

/**
 * Sends HTTP requests for deliveries. Implementations never follow redirects, bound the response
 * body, and classify failures instead of throwing. The default uses Apache HttpClient 5 with pooled
 * keep-alive connections.
 */
public interface Transport extends AutoCloseable {
  TransportResult send(TransportRequest request);

  @Override
  default void close() {}
}
