package dev.qhook.server.cli;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The paging options of the list commands (docs/reference/http-api.md, "Lists"). */
final class ListOptions {
  @Option(
      names = {"-l", "--limit"},
      defaultValue = "20",
      description = "Items shown, 1 to 1000 (default 20).")
  int limit;

  @Option(names = "--after", paramLabel = "ID", description = "Only items after this id.")
  @Nullable String after;

  @Option(names = "--oldest-first", description = "Oldest first (default: newest first).")
  boolean oldestFirst;

  @Option(names = "--json", description = "Print the API's JSON page instead of a table.")
  boolean json;

  /** Adds limit, after and order to the path. */
  ApiPath apply(ApiPath path) {
    return path.param("limit", QueuePrinter.limit(limit))
        .param("after", after)
        .param("order", oldestFirst ? "asc" : "desc");
  }
}
