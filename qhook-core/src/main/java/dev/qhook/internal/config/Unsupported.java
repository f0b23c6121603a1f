package dev.qhook.internal.config;

import dev.qhook.config.DatabaseDriver;
import dev.qhook.config.SourceConfig;
import dev.qhook.config.SourceType;
import java.util.Map;

/**
 * Configuration that binds and validates but that the engine does not run yet. Rather than accept
 * it and then silently do nothing, {@code validate} and every start refuse it with a problem that
 * names its path and says it is not supported yet.
 *
 * <p>Each capability is one rule below. The change that makes the engine run a capability deletes
 * its rule (and its line in {@link #check}); the binders and checks of the section stay as they
 * are. The messages are listed in docs/reference/configuration.md, "Not supported yet".
 */
final class Unsupported {
  static final String HANDLERS_ONLY = "(this version delivers to handlers and pull queues only)";
  static final String SOURCE_TYPES =
      "(this version supports webhook, event, sns and outbound sources)";

  private Unsupported() {}

  /** Reports every configured capability that the engine does not run yet. */
  static void check(BoundConfig config, Problems problems) {
    workflows(config, problems);
    sourceType(config, problems, SourceType.CRON, "cron sources");
    mysql(config, problems);
  }

  /** Workflows: any entry under {@code workflows}. */
  private static void workflows(BoundConfig config, Problems problems) {
    for (String name : config.workflows().keySet()) {
      problems.error("workflows." + name, "workflows are not supported yet " + HANDLERS_ONLY);
    }
  }

  /** Source types the engine does not run yet: {@code cron} (timers). */
  private static void sourceType(
      BoundConfig config, Problems problems, SourceType type, String what) {
    for (Map.Entry<String, SourceConfig> source : config.sources().entrySet()) {
      if (source.getValue().type() == type) {
        problems.error(
            "sources." + source.getKey() + ".type",
            what + " are not supported yet " + SOURCE_TYPES);
      }
    }
  }

  /** MySQL and MariaDB, by {@code driver} or by a URL that implies them. */
  private static void mysql(BoundConfig config, Problems problems) {
    if (config.database().driver() != DatabaseDriver.MYSQL) {
      return;
    }
    boolean byUrl =
        DatabaseUrls.driverOf(config.database().url()).orElse(null) == DatabaseDriver.MYSQL;
    problems.error(
        byUrl ? "database.url" : "database.driver",
        "MySQL and MariaDB are not supported yet (this version stores in sqlite or postgres)");
  }
}
