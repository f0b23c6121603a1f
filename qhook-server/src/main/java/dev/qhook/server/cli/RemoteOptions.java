package dev.qhook.server.cli;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * {@code --remote URL --token T} (or {@code QHOOK_REMOTE_URL}, {@code QHOOK_API_TOKEN}) of the
 * commands that read data: work through the management API instead of opening the database.
 */
public final class RemoteOptions {
  @Option(
      names = "--remote",
      paramLabel = "URL",
      description = "Work through the management API at URL (default: $QHOOK_REMOTE_URL).")
  @Nullable String remote;

  @Option(
      names = "--token",
      paramLabel = "T",
      description = "Bearer token of the management API (default: $QHOOK_API_TOKEN).")
  @Nullable String token;

  /** The API's base URL, or null to open the database. */
  @Nullable String url(CliContext context) {
    return remote != null && !remote.isEmpty() ? remote : context.env("QHOOK_REMOTE_URL");
  }

  @Nullable String token(CliContext context) {
    return token != null && !token.isEmpty() ? token : context.env("QHOOK_API_TOKEN");
  }
}
