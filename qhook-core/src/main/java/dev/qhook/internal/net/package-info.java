/** Network address rules. */
@NullMarked
package dev.qhook.internal.net;

import org.jspecify.annotations.NullMarked;
