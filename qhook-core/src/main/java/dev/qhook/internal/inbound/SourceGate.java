package dev.qhook.internal.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.InboundRequest;
import dev.qhook.Received;
import dev.qhook.config.SourceConfig;
import dev.qhook.internal.ingest.Payload;
import dev.qhook.internal.schema.InvalidSchemaException;
import dev.qhook.internal.schema.SchemaViolation;
import dev.qhook.internal.schema.SourceSchema;
import dev.qhook.verify.VerificationResult;
import dev.qhook.verify.VerifierSettings;
import dev.qhook.verify.WebhookRequest;
import dev.qhook.verify.WebhookVerifier;
import dev.qhook.verify.WebhookVerifiers;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The checks of one source, built once at start: its {@code allowed_ips}, its signature verifier
 * and its compiled {@code schema}; each absent when the source has none.
 */
final class SourceGate {
  private final SourceConfig source;
  private final @Nullable IpAllowList allowList;
  private final @Nullable WebhookVerifier verifier;
  private final @Nullable SourceSchema schema;

  private SourceGate(
      SourceConfig source,
      @Nullable IpAllowList allowList,
      @Nullable WebhookVerifier verifier,
      @Nullable SourceSchema schema) {
    this.source = source;
    this.allowList = allowList;
    this.verifier = verifier;
    this.schema = schema;
  }

  /**
   * @throws IllegalArgumentException for settings that validation lets through only by mistake (an
   *     unknown scheme, a bad range, a schema that does not compile), naming the config path
   */
  static SourceGate of(SourceConfig source, Clock clock) {
    String path = "sources." + source.name();
    IpAllowList allowList = null;
    if (!source.allowedIps().isEmpty()) {
      try {
        allowList = IpAllowList.parse(source.allowedIps());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(path + ".allowed_ips: " + e.getMessage(), e);
      }
    }
    SourceSchema schema = null;
    if (source.schema() != null) {
      try {
        schema = SourceSchema.compile(source.schema());
      } catch (InvalidSchemaException e) {
        throw new IllegalArgumentException(path + ".schema: " + e.getMessage(), e);
      }
    }
    WebhookVerifier verifier = source.verify() == null ? null : verifier(source, clock, path);
    return new SourceGate(source, allowList, verifier, schema);
  }

  private static WebhookVerifier verifier(SourceConfig source, Clock clock, String path) {
    String scheme = source.verify();
    if (scheme == null || !WebhookVerifiers.isKnownScheme(scheme)) {
      throw new IllegalArgumentException(path + ".verify: unknown scheme '" + scheme + "'");
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

  SourceConfig config() {
    return source;
  }

  /** Whether the client may send to this source ({@code allowed_ips}; none: anyone). */
  boolean allows(@Nullable String clientAddress) {
    return allowList == null || allowList.allows(clientAddress);
  }

  /** The verifier's verdict on a webhook, or null when the source verifies nothing. */
  VerificationResult.@Nullable Rejected signatureRejection(InboundRequest request) {
    if (verifier == null) {
      return null;
    }
    VerificationResult result =
        verifier.verify(new WebhookRequest(request.body(), request.headers(), request.url()));
    return result instanceof VerificationResult.Rejected rejected ? rejected : null;
  }

  /** The schema violations of a body (empty: it passes, or the source has no schema). */
  List<Received.Violation> schemaViolations(Payload body) {
    if (schema == null) {
      return List.of();
    }
    JsonNode json = body.json();
    List<SchemaViolation> violations =
        json == null
            ? List.of(new SchemaViolation("$", "body is not JSON"))
            : schema.validate(json);
    return violations.stream().map(v -> new Received.Violation(v.path(), v.message())).toList();
  }

  /** {@code SIGNATURE_MISMATCH} becomes {@code signature mismatch}. */
  static String reasonClass(VerificationResult.Reason reason) {
    return reason.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
