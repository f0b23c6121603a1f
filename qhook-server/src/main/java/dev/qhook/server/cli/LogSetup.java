package dev.qhook.server.cli;

import dev.qhook.server.internal.logging.ServerLogging;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code QHOOK_LOG_LEVEL} and {@code QHOOK_LOG_FORMAT} ({@code error}, {@code warn}, {@code
 * info} by default, {@code debug}, {@code trace}; {@code json} or text) into the properties that
 * {@link ServerLogging} uses. Must run before the first logger is created.
 */
final class LogSetup {
  static final String LEVEL_PROPERTY = ServerLogging.LEVEL_PROPERTY;
  static final String FORMAT_PROPERTY = ServerLogging.FORMAT_PROPERTY;
  private static final Set<String> LEVELS = Set.of("error", "warn", "info", "debug", "trace");

  private LogSetup() {}

  static void fromEnvironment(Map<String, String> env) {
    String level = lower(env.get("QHOOK_LOG_LEVEL"));
    System.setProperty(
        LEVEL_PROPERTY, LEVELS.contains(level) ? level.toUpperCase(Locale.ROOT) : "INFO");
    System.setProperty(
        FORMAT_PROPERTY, "json".equals(lower(env.get("QHOOK_LOG_FORMAT"))) ? "json" : "text");
  }

  private static String lower(@Nullable String value) {
    return value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
  }
}
