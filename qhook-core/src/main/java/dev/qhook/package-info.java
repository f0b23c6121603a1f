/** The qhook API: the {@link dev.qhook.QHook} engine, its results and exceptions. */
@NullMarked
package dev.qhook;

import org.jspecify.annotations.NullMarked;
