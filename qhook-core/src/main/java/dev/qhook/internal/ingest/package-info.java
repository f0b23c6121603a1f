/**
 * Accepting an event: routing it and storing it with its jobs in one transaction. Not API: may
 * change in any release.
 */
@NullMarked
package dev.qhook.internal.ingest;

import org.jspecify.annotations.NullMarked;
