package dev.qhook;

/** An event was sent to a source the configuration does not define. */
public final class UnknownSourceException extends QHookException {
  private final String source;

  public UnknownSourceException(String source) {
    super("unknown source '" + source + "'");
    this.source = source;
  }

  public String source() {
    return source;
  }
}
