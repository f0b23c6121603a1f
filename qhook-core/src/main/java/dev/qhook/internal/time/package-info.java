/**
 * The engine's timers, on the engine's clock: real timers for a real clock, and for a {@link
 * dev.qhook.spi.SteppedClock} a timeline that runs what became due when the clock is moved. Not
 * API: may change in any release.
 */
@NullMarked
package dev.qhook.internal.time;

import org.jspecify.annotations.NullMarked;
