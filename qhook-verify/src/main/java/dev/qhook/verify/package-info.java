/**
 * Webhook signature verification, usable on its own by any application: {@link
 * dev.qhook.verify.WebhookVerifiers#forScheme} builds a {@link dev.qhook.verify.WebhookVerifier}
 * for one of the provider schemes, and {@link dev.qhook.verify.SnsMessageVerifier} checks AWS SNS
 * messages. A bad signature is an expected {@link dev.qhook.verify.VerificationResult}, never an
 * exception.
 */
@NullMarked
package dev.qhook.verify;

import org.jspecify.annotations.NullMarked;
