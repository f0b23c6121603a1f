package dev.qhook.internal.expr;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A parsed template (docs/reference/configuration.md, "Templates"), e.g. <code>
 * &#123;"id": "&#123;&#123; $.id &#125;&#125;", "n":
 * &#123;&#123; $.n &#125;&#125;&#125;</code>. Immutable and thread-safe.
 *
 * <p>Each placeholder is replaced by the value at its path: a string becomes its JSON-escaped
 * contents without quotes (the template supplies them), numbers and booleans their literal, null or
 * missing {@code null}, arrays and objects compact JSON. Substitution is a single pass: inserted
 * text is never expanded again. The output is not checked for JSON validity.
 */
public final class Template {
  private final String text;
  private final List<TemplatePart> parts;

  private Template(String text, List<TemplatePart> parts) {
    this.text = text;
    this.parts = parts;
  }

  /**
   * Parses {@code text}.
   *
   * @throws ExpressionException for an unclosed or empty placeholder or a bad path, naming the
   *     column (or line and column for multi-line templates)
   */
  public static Template parse(String text) {
    return new Template(text, TemplateParser.parse(text));
  }

  /**
   * Renders against a JSON document. Callers pass only JSON documents: a template applied to a
   * non-JSON body is not evaluated (the body passes through), which is the caller's decision.
   */
  public String render(JsonNode document) {
    StringBuilder out = new StringBuilder(text.length() + 64);
    for (TemplatePart part : parts) {
      part.renderTo(out, document);
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return text;
  }
}
