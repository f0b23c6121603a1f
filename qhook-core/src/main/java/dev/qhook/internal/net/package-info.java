/** Address checks shared by the config validator and the SSRF guard (SPEC §11). */
@NullMarked
package dev.qhook.internal.net;

import org.jspecify.annotations.NullMarked;
