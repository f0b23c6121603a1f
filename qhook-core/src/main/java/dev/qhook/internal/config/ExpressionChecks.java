package dev.qhook.internal.config;

import dev.qhook.internal.expr.EventPattern;
import dev.qhook.internal.expr.ExpressionException;
import dev.qhook.internal.expr.Filter;
import dev.qhook.internal.expr.JsonPath;
import dev.qhook.internal.expr.Template;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Checks that paths, filters, templates and event patterns parse (docs/reference/configuration.md,
 * "Expressions"), reporting an {@link ExpressionException} at the config path. A parser that is not
 * available yet ({@link UnsupportedOperationException}) is skipped.
 */
final class ExpressionChecks {
  private ExpressionChecks() {}

  static @Nullable String filter(Section section, String key) {
    return check(section, key, Filter::parse);
  }

  static @Nullable String template(Section section, String key) {
    return check(section, key, Template::parse);
  }

  static @Nullable String path(Section section, String key) {
    return check(section, key, JsonPath::parse);
  }

  /** The {@code events} list, each entry checked as an event pattern. */
  static List<String> events(Section section, String key) {
    List<String> patterns = section.stringList(key);
    for (int i = 0; i < patterns.size(); i++) {
      parse(
          section.problems(),
          section.pathOf(key) + "[" + i + "]",
          patterns.get(i),
          EventPattern::parse);
    }
    return patterns;
  }

  private static @Nullable String check(Section section, String key, Consumer<String> parser) {
    String text = section.string(key);
    if (text != null) {
      parse(section.problems(), section.pathOf(key), text, parser);
    }
    return text;
  }

  static void parse(Problems problems, String path, String text, Consumer<String> parser) {
    try {
      parser.accept(text);
    } catch (UnsupportedOperationException notYetAvailable) {
      // The expression language is not wired in yet; it is checked once it is.
    } catch (ExpressionException e) {
      problems.error(path, e.getMessage());
    }
  }
}
