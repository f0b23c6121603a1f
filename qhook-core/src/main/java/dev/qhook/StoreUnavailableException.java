package dev.qhook;

/**
 * The database could not be reached or could not take the work: a connection failure, a timeout,
 * too little memory, disk or connections, an operator shutdown. Every write of the moment fails
 * alike, so the engine fails a whole group-committed batch at once instead of writing its events
 * one by one, and counts the failure toward database health (docs/configuration.md, "Stores").
 */
public final class StoreUnavailableException extends StoreException {
  public StoreUnavailableException(String operation, String problem, Throwable cause) {
    super(operation, problem, cause);
  }
}
