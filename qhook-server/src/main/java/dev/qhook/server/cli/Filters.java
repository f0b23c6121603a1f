package dev.qhook.server.cli;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The filter options the data commands share, as picocli mixins (which must not nest). */
final class Filters {
  private Filters() {}

  /** {@code --since} and {@code --until}: creation time, as the API's lists take them. */
  static final class TimeRange {
    @Option(
        names = "--since",
        paramLabel = "TIME",
        description = "Only items created at or after TIME (RFC 3339 or YYYY-MM-DD).")
    @Nullable String since;

    @Option(names = "--until", paramLabel = "TIME", description = "Only items created before TIME.")
    @Nullable String until;

    ApiPath apply(ApiPath path) {
      return path.param("since", since).param("until", until);
    }
  }

  /** {@code -s/--source} and {@code -t/--event-type} of the event commands. */
  static final class EventFilter {
    @Option(
        names = {"-s", "--source"},
        paramLabel = "NAME",
        description = "Only this source.")
    @Nullable String source;

    @Option(
        names = {"-t", "--event-type"},
        paramLabel = "TYPE",
        description = "Only this event type.")
    @Nullable String eventType;

    /** {@code /api/events} with these filters. */
    ApiPath events() {
      return ApiPath.of("/api/events").param("source", source).param("event_type", eventType);
    }
  }
}
