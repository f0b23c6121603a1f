package dev.qhook;

/** A queue operation named a queue the configuration does not define (HTTP 404). */
public final class UnknownQueueException extends QHookException {
  private final String queue;

  public UnknownQueueException(String queue) {
    super("unknown queue '" + queue + "'");
    this.queue = queue;
  }

  public String queue() {
    return queue;
  }
}
