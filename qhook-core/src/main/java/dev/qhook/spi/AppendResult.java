package dev.qhook.spi;

/** What {@link Store#append} did with one event. */
public sealed interface AppendResult {
  /** The id of the stored event: the new one, or the original for a duplicate. */
  String eventId();

  /** The event and its jobs are durably stored. */
  record Stored(String eventId, int jobsCreated) implements AppendResult {}

  /** An event with the same source and unique key exists; nothing was written. */
  record Duplicate(String eventId) implements AppendResult {}
}
