package dev.qhook.internal.expr;

/** An event-type pattern (SPEC §3.5): {@code *}, an exact type, or {@code prefix.*}. */
public final class EventPattern {
  private final String text;

  private EventPattern(String text) {
    this.text = text;
  }

  public static EventPattern parse(String text) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  public boolean matches(String eventType) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  @Override
  public String toString() {
    return text;
  }
}
