/**
 * The engine's runtime: wiring and lifecycle, the dispatcher of due jobs, group commits and
 * maintenance. Not API: may change in any release.
 */
@NullMarked
package dev.qhook.internal.engine;

import org.jspecify.annotations.NullMarked;
