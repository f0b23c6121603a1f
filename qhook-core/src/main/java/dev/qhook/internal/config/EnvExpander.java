package dev.qhook.internal.config;

import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Expands environment variables in a scalar value (docs/reference/configuration.md, "Environment
 * variables"): {@code ${VAR}} becomes the value or empty, {@code ${VAR:-default}} becomes
 * {@code default} when VAR is unset or empty, and {@code $${} yields a literal {@code ${}.
 */
public final class EnvExpander {
  private static final Pattern WHOLE_REFERENCE = Pattern.compile("\\$\\{[^}]*}");

  private final Map<String, String> env;

  public EnvExpander(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /** Whether {@code value} is exactly one {@code ${...}}, so may fill a number or boolean key. */
  public static boolean isWholeReference(String value) {
    return WHOLE_REFERENCE.matcher(value).matches();
  }

  /**
   * A reference without a default that expanded to the empty string: its variable is unset, or set
   * to the empty string.
   */
  public record Blank(String name, boolean unset) {}

  /**
   * Expands {@code value}; {@code onUnset} receives the name of each variable that is unset and has
   * no default.
   *
   * @throws IllegalArgumentException for an unterminated {@code ${} or an empty name
   */
  public String expand(String value, Consumer<String> onUnset) {
    return expandReporting(
        value,
        blank -> {
          if (blank.unset()) {
            onUnset.accept(blank.name());
          }
        });
  }

  /**
   * Expands {@code value}; {@code onBlank} receives each reference without a default that expanded
   * to the empty string, in order.
   *
   * @throws IllegalArgumentException for an unterminated {@code ${} or an empty name
   */
  public String expandReporting(String value, Consumer<Blank> onBlank) {
    StringBuilder out = new StringBuilder(value.length());
    int i = 0;
    while (i < value.length()) {
      if (value.startsWith("$${", i)) {
        out.append("${");
        i += 3;
      } else if (value.startsWith("${", i)) {
        int close = value.indexOf('}', i + 2);
        if (close < 0) {
          throw new IllegalArgumentException("unterminated '${' at column " + (i + 1));
        }
        out.append(resolve(value.substring(i + 2, close), onBlank));
        i = close + 1;
      } else {
        out.append(value.charAt(i));
        i++;
      }
    }
    return out.toString();
  }

  private String resolve(String reference, Consumer<Blank> onBlank) {
    int separator = reference.indexOf(":-");
    String name = separator < 0 ? reference : reference.substring(0, separator);
    if (name.isBlank()) {
      throw new IllegalArgumentException("empty variable name in '${" + reference + "}'");
    }
    String found = env.get(name);
    if (separator >= 0) {
      return found == null || found.isEmpty() ? reference.substring(separator + 2) : found;
    }
    if (found == null || found.isEmpty()) {
      onBlank.accept(new Blank(name, found == null));
      return "";
    }
    return found;
  }
}
