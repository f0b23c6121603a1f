package dev.qhook;

/** The root of every exception qhook throws on purpose. All are unchecked. */
public abstract class QHookException extends RuntimeException {
  protected QHookException(String message) {
    super(message);
  }

  protected QHookException(String message, Throwable cause) {
    super(message, cause);
  }
}
