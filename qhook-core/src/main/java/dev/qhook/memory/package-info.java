/** A {@link dev.qhook.spi.Store} held in memory, for tests and short-lived embedded use. */
@NullMarked
package dev.qhook.memory;

import org.jspecify.annotations.NullMarked;
