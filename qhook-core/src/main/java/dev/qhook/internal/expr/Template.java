package dev.qhook.internal.expr;

import com.fasterxml.jackson.databind.JsonNode;

/** A parsed {@code {{ path }}} template (SPEC §3.7). Immutable and thread-safe. */
public final class Template {
  private final String text;

  private Template(String text) {
    this.text = text;
  }

  public static Template parse(String text) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /**
   * Renders against a JSON document. Callers pass only JSON documents: a template applied to a
   * non-JSON body is not evaluated (the body passes through), which is the caller's decision.
   */
  public String render(JsonNode document) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  @Override
  public String toString() {
    return text;
  }
}
