package dev.qhook;

/**
 * The database failed; the message names the operation. Nothing was acknowledged. Two subclasses
 * say why when the store knows: {@link StoreRefusedException} (the database refused a value of this
 * write) and {@link StoreUnavailableException} (the database cannot be reached or take work).
 */
public class StoreException extends QHookException {
  public StoreException(String operation, Throwable cause) {
    super(operation + " failed: " + cause.getMessage(), cause);
  }

  /**
   * @param problem the database's account, in place of the cause's message (which may quote the
   *     statement's arguments)
   */
  public StoreException(String operation, String problem, Throwable cause) {
    super(operation + " failed: " + problem, cause);
  }

  public StoreException(String message) {
    super(message);
  }
}
