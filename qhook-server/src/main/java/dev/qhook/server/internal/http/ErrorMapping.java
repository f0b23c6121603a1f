package dev.qhook.server.internal.http;

import dev.qhook.StoreException;
import dev.qhook.StoreRefusedException;
import dev.qhook.UnavailableException;
import dev.qhook.UnknownQueueException;
import dev.qhook.UnknownSourceException;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answer to a failed request: {@link ApiException} as itself, a value the database refuses 400,
 * an unavailable engine or a database error 503, an unknown source or queue 404, anything else 500
 * {@code internal} (logged once).
 */
final class ErrorMapping {
  private static final Logger log = LoggerFactory.getLogger(RequestPipeline.class);

  private ErrorMapping() {}

  static Response of(String method, String path, Throwable failure) {
    Throwable e = unwrap(failure);
    if (e instanceof ApiException api) {
      return Response.error(api);
    }
    if (e instanceof UnavailableException) {
      return Response.error(ApiException.unavailable(e.getMessage()));
    }
    if (e instanceof StoreRefusedException refused) {
      return Response.error(ApiException.badRequest(refused.getMessage()));
    }
    if (e instanceof StoreException) {
      log.warn("{} {}: database error: {}", method, path, e.getMessage());
      return Response.error(ApiException.unavailable("database error, try again"));
    }
    if (e instanceof UnknownSourceException || e instanceof UnknownQueueException) {
      return Response.error(ApiException.notFound(e.getMessage()));
    }
    log.error("{} {} failed unexpectedly", method, path, e);
    return Response.error(ApiException.internal());
  }

  /** The failure itself, not the {@link CompletionException} a future wraps it in. */
  static Throwable unwrap(Throwable failure) {
    Throwable e = failure;
    while (e instanceof CompletionException && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }
}
