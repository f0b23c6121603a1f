package dev.qhook;

/** The database failed; the message names the operation. Nothing was acknowledged. */
public class StoreException extends QHookException {
  public StoreException(String operation, Throwable cause) {
    super(operation + " failed: " + cause.getMessage(), cause);
  }

  public StoreException(String message) {
    super(message);
  }
}
