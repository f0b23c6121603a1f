/** The engine's Micrometer meters. Not API: may change in any release. */
@NullMarked
package dev.qhook.internal.metrics;

import org.jspecify.annotations.NullMarked;
