package dev.qhook.server.internal.routes;

import dev.qhook.QHook;
import dev.qhook.server.internal.http.ApiException;
import org.jspecify.annotations.Nullable;

/**
 * Whether the server takes work: the engine is ready (started, database healthy) and the server is
 * not shutting down. {@code /ready} reports it; ingest refuses with 503 {@code unavailable} while
 * it is false.
 */
public final class Readiness {
  private final QHook engine;
  private volatile boolean shuttingDown;

  public Readiness(QHook engine) {
    this.engine = engine;
  }

  /** From now on {@code /ready} answers 503 and ingest refuses. */
  public void beginShutdown() {
    shuttingDown = true;
  }

  /** Whether {@link #beginShutdown} was called: long polls then answer with what they have. */
  public boolean shuttingDown() {
    return shuttingDown;
  }

  /** Why the server is not ready, or null when it is. */
  public @Nullable String notReadyReason() {
    return shuttingDown ? "shutting down" : engine.notReadyReason();
  }

  /**
   * @throws ApiException 503 {@code unavailable} (with {@code Retry-After: 30}) when not ready
   */
  public void requireReady() {
    String reason = notReadyReason();
    if (reason != null) {
      throw ApiException.unavailable("not accepting events: " + reason);
    }
  }
}
