/**
 * The server's routes (SPEC §3.1, §9, §10): each parses a request, calls one engine method and
 * answers JSON. Not API: classes may change or vanish in any release.
 */
@NullMarked
package dev.qhook.server.internal.routes;

import org.jspecify.annotations.NullMarked;
