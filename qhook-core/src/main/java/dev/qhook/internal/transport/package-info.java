/** The default {@link dev.qhook.spi.Transport}: java.net.http with an SSRF guard. */
@NullMarked
package dev.qhook.internal.transport;

import org.jspecify.annotations.NullMarked;
