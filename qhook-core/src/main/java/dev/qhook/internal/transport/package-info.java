/**
 * The default {@link dev.qhook.spi.Transport}: Apache HttpClient 5 (blocking, pooled keep-alive
 * connections) resolving names only through an SSRF guard.
 */
@NullMarked
package dev.qhook.internal.transport;

import org.jspecify.annotations.NullMarked;
