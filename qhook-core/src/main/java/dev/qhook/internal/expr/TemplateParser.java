package dev.qhook.internal.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits template text into {@link TemplatePart}s. A placeholder is two opening braces, optional
 * blanks, a path, optional blanks and two closing braces. In a run of three or more opening braces
 * the last two open the placeholder, so <code>[&#123;&#123;&#123; $.x &#125;&#125;&#125;]</code>
 * reads as the text <code>[&#123;</code>, a placeholder and the text <code>&#125;]</code>.
 */
final class TemplateParser {
  private static final String OPEN = "{{";
  private static final String CLOSE = "}}";

  private final String source;
  private final List<TemplatePart> parts = new ArrayList<>();

  private TemplateParser(String source) {
    this.source = source;
  }

  static List<TemplatePart> parse(String source) {
    return new TemplateParser(source).parse();
  }

  private List<TemplatePart> parse() {
    int textStart = 0;
    int open = source.indexOf(OPEN);
    while (open >= 0) {
      while (open + OPEN.length() < source.length() && source.charAt(open + OPEN.length()) == '{') {
        open++;
      }
      if (open > textStart) {
        parts.add(new TemplatePart.Text(source.substring(textStart, open)));
      }
      textStart = placeholder(open);
      open = source.indexOf(OPEN, textStart);
    }
    if (textStart < source.length()) {
      parts.add(new TemplatePart.Text(source.substring(textStart)));
    }
    return List.copyOf(parts);
  }

  /** Reads the placeholder opened at {@code open}; returns the index after its closing braces. */
  private int placeholder(int open) {
    int start = skipBlanks(open + OPEN.length());
    if (start >= source.length()) {
      throw ExpressionException.at("missing '}}' for '{{'", source, open);
    }
    if (source.startsWith(CLOSE, start)) {
      throw ExpressionException.at("empty placeholder", source, open, "write {{ $.name }}");
    }
    PathParser.Parsed parsed = PathParser.parsePrefix(source, start);
    int after = skipBlanks(parsed.end());
    if (after >= source.length()) {
      throw ExpressionException.at("missing '}}' for '{{'", source, open);
    }
    if (!source.startsWith(CLOSE, after)) {
      throw ExpressionException.at(
          "unexpected " + ExpressionException.quote(String.valueOf(source.charAt(after))),
          source,
          after,
          "a placeholder holds one path, as in {{ $.name }}");
    }
    String pathText = source.substring(start, parsed.end());
    parts.add(new TemplatePart.Placeholder(JsonPath.of(pathText, parsed.segments())));
    return after + CLOSE.length();
  }

  private int skipBlanks(int from) {
    int i = from;
    while (i < source.length() && Character.isWhitespace(source.charAt(i))) {
      i++;
    }
    return i;
  }
}
