/**
 * Pull queues: consumers' receive with long polling, ack, nack, extend, lease expiry, management.
 */
@NullMarked
package dev.qhook.internal.queue;

import org.jspecify.annotations.NullMarked;
