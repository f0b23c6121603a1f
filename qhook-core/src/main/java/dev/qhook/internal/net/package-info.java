/**
 * Address checks shared by the config validator and the SSRF guard
 * (docs/reference/configuration.md, "URLs").
 */
@NullMarked
package dev.qhook.internal.net;

import org.jspecify.annotations.NullMarked;
