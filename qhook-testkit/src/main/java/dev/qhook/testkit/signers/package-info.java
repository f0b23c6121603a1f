/**
 * Signers that produce correctly signed webhook requests for every provider scheme, so an
 * application can test its receiving side. Written independently of {@code qhook-verify}: they
 * compute each provider's signature directly from its documentation.
 */
@NullMarked
package dev.qhook.testkit.signers;

import org.jspecify.annotations.NullMarked;
