package dev.qhook.internal.expr;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** A piece of a {@link Template}: literal text or a {@code {{ path }}} placeholder. */
sealed interface TemplatePart {

  void renderTo(StringBuilder out, JsonNode document);

  /** Text copied as written. */
  record Text(String text) implements TemplatePart {
    @Override
    public void renderTo(StringBuilder out, JsonNode document) {
      out.append(text);
    }
  }

  /**
   * A placeholder: a string becomes its JSON-escaped contents without quotes, numbers and booleans
   * their literal (a decimal as {@link Numbers#text}), null or missing {@code null}, arrays and
   * objects compact JSON (an infinite double, which no JSON text yields, as Jackson writes it:
   * {@code "Infinity"}).
   */
  record Placeholder(JsonPath path) implements TemplatePart {
    @Override
    public void renderTo(StringBuilder out, JsonNode document) {
      Optional<JsonNode> value = path.resolve(document);
      if (value.isEmpty()) {
        out.append("null");
      } else if (value.get().isTextual()) {
        out.append(JsonStringEncoder.getInstance().quoteAsString(value.get().textValue()));
      } else if (value.get().isBigDecimal()) {
        out.append(Numbers.text(value.get()));
      } else {
        out.append(value.get().toString());
      }
    }
  }
}
