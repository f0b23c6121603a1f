/** Sending operational alerts to the {@code alerts.url} (SPEC §10.3). */
@NullMarked
package dev.qhook.internal.alerts;

import org.jspecify.annotations.NullMarked;
