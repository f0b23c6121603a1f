package dev.qhook.server.internal.routes;

import dev.qhook.QHook;
import dev.qhook.config.ServerConfig;
import dev.qhook.config.SourceConfig;
import dev.qhook.server.internal.http.ApiException;
import dev.qhook.server.internal.http.Request;
import dev.qhook.verify.VerificationResult;
import dev.qhook.verify.VerifierSettings;
import dev.qhook.verify.WebhookRequest;
import dev.qhook.verify.WebhookVerifier;
import dev.qhook.verify.WebhookVerifiers;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The signature check of webhook sources with {@code verify} (SPEC §8.1), built once per source. A
 * failure is counted, raises a {@code verification_failure} alert, and answers 401 {@code
 * signature_invalid}.
 */
final class SourceVerifiers {
  private final QHook engine;
  private final ServerConfig server;
  private final Map<String, WebhookVerifier> verifiers = new HashMap<>();

  SourceVerifiers(QHook engine, Clock clock) {
    this.engine = engine;
    this.server = engine.config().server();
    engine
        .config()
        .sources()
        .forEach(
            (name, source) -> {
              if (source.verify() != null) {
                verifiers.put(name, create(source, clock));
              }
            });
  }

  private static WebhookVerifier create(SourceConfig source, Clock clock) {
    String scheme = source.verify();
    if (scheme == null || !WebhookVerifiers.isKnownScheme(scheme)) {
      throw new IllegalArgumentException(
          "sources." + source.name() + ".verify: unknown scheme '" + scheme + "'");
    }
    VerifierSettings settings =
        VerifierSettings.builder()
            .secrets(source.secrets())
            .tolerance(source.tolerance())
            .clock(clock)
            .publicUrl(source.publicUrl())
            .build();
    return WebhookVerifiers.forScheme(scheme, settings);
  }

  /**
   * Passes when the source has no {@code verify} or the request is correctly signed.
   *
   * @throws ApiException 401 {@code signature_invalid}, after counting and alerting
   */
  void require(String source, Request request) {
    WebhookVerifier verifier = verifiers.get(source);
    if (verifier == null) {
      return;
    }
    VerificationResult result =
        verifier.verify(
            new WebhookRequest(
                request.body(), request.allHeaders(), RequestUrls.of(request, server)));
    if (result instanceof VerificationResult.Rejected rejected) {
      throw rejectedSignature(engine, source, rejected);
    }
  }

  /** Counts and alerts a rejected signature, and returns the 401 to throw. */
  static ApiException rejectedSignature(
      QHook engine, String source, VerificationResult.Rejected rejected) {
    engine.reportVerificationFailure(source, reasonClass(rejected.reason()));
    return ApiException.signatureInvalid(rejected.message());
  }

  /** {@code SIGNATURE_MISMATCH} becomes {@code signature mismatch}. */
  static String reasonClass(VerificationResult.Reason reason) {
    return reason.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
