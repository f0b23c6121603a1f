/** Cron sources: schedules (on cron-utils) and the timer that fires their ticks. */
@NullMarked
package dev.qhook.internal.cron;

import org.jspecify.annotations.NullMarked;
