/**
 * How the standalone server logs (SPEC §10.6). Not API: classes may change or vanish in any
 * release.
 */
@NullMarked
package dev.qhook.server.internal.logging;

import org.jspecify.annotations.NullMarked;
