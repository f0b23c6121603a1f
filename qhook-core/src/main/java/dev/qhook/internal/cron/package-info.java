/** Cron schedules, for cron sources (refused by the config until the engine runs them). */
@NullMarked
package dev.qhook.internal.cron;

import org.jspecify.annotations.NullMarked;
