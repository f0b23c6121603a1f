/**
 * The server's routes (docs/reference/http-api.md): each parses a request, calls one engine method
 * and answers JSON. Not API: classes may change or vanish in any release.
 */
@NullMarked
package dev.qhook.server.internal.routes;

import org.jspecify.annotations.NullMarked;
