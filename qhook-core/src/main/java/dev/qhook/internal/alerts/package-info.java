/**
 * Sending operational alerts to the {@code alerts.url} (docs/reference/configuration.md, "alerts").
 */
@NullMarked
package dev.qhook.internal.alerts;

import org.jspecify.annotations.NullMarked;
