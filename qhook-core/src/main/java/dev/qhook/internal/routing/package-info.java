/**
 * Which handlers consume an event, compiled from the config. Not API: may change in any release.
 */
@NullMarked
package dev.qhook.internal.routing;

import org.jspecify.annotations.NullMarked;
