package dev.qhook.internal.config;

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

  private Unsupported() {}

  /** Reports every configured capability that the engine does not run yet. */
  static void check(BoundConfig config, Problems problems) {
    workflows(config, problems);
  }

  /** Workflows: any entry under {@code workflows}. */
  private static void workflows(BoundConfig config, Problems problems) {
    for (String name : config.workflows().keySet()) {
      problems.error("workflows." + name, "workflows are not supported yet " + HANDLERS_ONLY);
    }
  }
}
