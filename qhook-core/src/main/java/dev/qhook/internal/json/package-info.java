/** The shared JSON mapper and lenient parsing of bodies. Not API: may change in any release. */
@NullMarked
package dev.qhook.internal.json;

import org.jspecify.annotations.NullMarked;
