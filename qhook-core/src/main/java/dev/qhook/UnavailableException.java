package dev.qhook;

/**
 * The engine cannot accept work right now: the database is unhealthy, or the engine is not started
 * or is shutting down. Nothing was stored; the caller may try again later.
 */
public final class UnavailableException extends QHookException {
  public UnavailableException(String message) {
    super(message);
  }
}
