/**
 * The engine's inbound contract: the checks of webhooks, events and SNS messages before they are
 * stored. Not API: applications call {@link dev.qhook.QHook#receive}.
 */
@NullMarked
package dev.qhook.internal.inbound;

import org.jspecify.annotations.NullMarked;
