package dev.qhook.jdbc.internal;

import dev.qhook.spi.AttemptRecord;
import dev.qhook.spi.JobStatus;
import org.jspecify.annotations.Nullable;

/**
 * How a running job leaves that state: one row of the fenced update {@link JobCompleter} runs in a
 * batch. A null column keeps the job's current value.
 *
 * @param jobId the job
 * @param attempt the attempt the job must still be running at (the fence)
 * @param status the new status
 * @param givenBack 1 when the claimed attempt is given back, else 0
 * @param runAt the new {@code scheduled_at} in epoch ms
 * @param completedAt the new {@code completed_at} in epoch ms
 * @param error the new {@code last_error}
 * @param record the attempt record written when the fence held
 */
record JobOutcome(
    String jobId,
    int attempt,
    JobStatus status,
    int givenBack,
    @Nullable Long runAt,
    @Nullable Long completedAt,
    @Nullable String error,
    @Nullable AttemptRecord record) {}
