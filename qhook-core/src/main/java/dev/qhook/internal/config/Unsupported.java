package dev.qhook.internal.config;

/**
 * Configuration that binds and validates but that the engine does not run yet. Rather than accept
 * it and then silently do nothing, {@code validate} and every start refuse it with a problem that
 * names its path and says it is not supported yet.
 *
 * <p>Each capability is one rule in {@link #check}; the change that makes the engine run a
 * capability deletes its rule, and the binders and checks of the section stay as they are. The
 * messages are listed in docs/reference/configuration.md, "Not supported yet". This version runs
 * every section of the file format, so there is no rule today.
 */
final class Unsupported {
  private Unsupported() {}

  /** Reports every configured capability that the engine does not run yet. */
  static void check(BoundConfig config, Problems problems) {
    // Every section runs in this version.
  }
}
