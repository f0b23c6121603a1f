/** Generators of the ids qhook gives events and jobs. Not API: may change in any release. */
@NullMarked
package dev.qhook.internal.ids;

import org.jspecify.annotations.NullMarked;
