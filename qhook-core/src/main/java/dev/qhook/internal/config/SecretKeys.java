package dev.qhook.internal.config;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The keys that hold secrets (docs/reference/configuration.md, "Environment variables"): tokens
 * that guard the API and metrics, a source's signature secrets, the delivery signing secret and a
 * queue's API key. A {@code ${VAR}} there that expands to empty is an error, not a warning: an
 * empty token would leave a route open, an empty secret would sign with nothing.
 */
final class SecretKeys {
  private static final List<Pattern> PATHS =
      List.of(
          Pattern.compile("api\\.auth_token"),
          Pattern.compile("api\\.metrics_auth_token"),
          Pattern.compile("delivery\\.signing_secret"),
          Pattern.compile("sources\\.[^.]+\\.secret(\\[\\d+])?"),
          Pattern.compile("queues\\.[^.]+\\.api_key"));

  private SecretKeys() {}

  /**
   * Whether the value at {@code path} (as problems name it: {@code sources.gh.secret[1]}) is one.
   */
  static boolean isSecret(String path) {
    return PATHS.stream().anyMatch(pattern -> pattern.matcher(path).matches());
  }
}
