/**
 * The HTTP plumbing of the standalone server: request pipeline, route table, limits, auth and JSON
 * responses. Not API: classes may change or vanish in any release.
 */
@NullMarked
package dev.qhook.server.internal.http;

import org.jspecify.annotations.NullMarked;
