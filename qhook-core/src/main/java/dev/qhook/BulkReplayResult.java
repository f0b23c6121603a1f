package dev.qhook;

import org.jspecify.annotations.Nullable;

/**
 * What one call of a bulk replay did (docs/reference/http-api.md, "POST /api/events/replay"): while
 * {@code hasMore}, call again with {@code after = lastEventId}.
 */
public record BulkReplayResult(
    int replayed,
    int jobsCreated,
    int workflowRunsStarted,
    boolean hasMore,
    @Nullable String lastEventId) {}
