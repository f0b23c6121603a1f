/** Cron schedules of cron sources (SPEC §2.6, §3.8). */
@NullMarked
package dev.qhook.internal.cron;

import org.jspecify.annotations.NullMarked;
