/**
 * Outbound webhooks: the endpoints of outbound sources, their emission at ingest, health and
 * management. Not API: may change in any release.
 */
@NullMarked
package dev.qhook.internal.outbound;

import org.jspecify.annotations.NullMarked;
