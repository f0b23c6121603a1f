/** How the standalone server logs. Not API: classes may change or vanish in any release. */
@NullMarked
package dev.qhook.server.internal.logging;

import org.jspecify.annotations.NullMarked;
