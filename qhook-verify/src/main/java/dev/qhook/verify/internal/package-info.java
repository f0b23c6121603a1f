/**
 * Implementation of the webhook verifiers. Not an API: anything here may change without notice;
 * applications use {@link dev.qhook.verify.WebhookVerifiers} and {@link
 * dev.qhook.verify.SnsMessageVerifier}.
 */
@NullMarked
package dev.qhook.verify.internal;

import org.jspecify.annotations.NullMarked;
