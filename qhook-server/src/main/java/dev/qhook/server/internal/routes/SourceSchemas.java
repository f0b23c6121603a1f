package dev.qhook.server.internal.routes;

import dev.qhook.config.QHookConfig;
import dev.qhook.internal.schema.InvalidSchemaException;
import dev.qhook.internal.schema.SchemaViolation;
import dev.qhook.internal.schema.SourceSchema;
import dev.qhook.server.internal.http.ApiException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every source {@code schema}, compiled once at start (SPEC §2.6, §3.2). */
final class SourceSchemas {
  private final Map<String, SourceSchema> schemas = new HashMap<>();

  SourceSchemas(QHookConfig config) {
    config
        .sources()
        .forEach(
            (name, source) -> {
              String text = source.schema();
              if (text == null) {
                return;
              }
              try {
                schemas.put(name, SourceSchema.compile(text));
              } catch (InvalidSchemaException e) {
                throw new IllegalArgumentException(
                    "sources." + name + ".schema: " + e.getMessage(), e);
              }
            });
  }

  /**
   * Passes when the source has no schema or the body is JSON and valid.
   *
   * @throws ApiException 400 {@code schema_invalid} with {@code details}: {@code [{path, message}]}
   */
  void require(String source, byte[] body) {
    SourceSchema schema = schemas.get(source);
    if (schema == null) {
      return;
    }
    List<SchemaViolation> violations = schema.validate(body);
    if (!violations.isEmpty()) {
      throw ApiException.schemaInvalid(violations.stream().map(SourceSchemas::detail).toList());
    }
  }

  private static Map<String, String> detail(SchemaViolation violation) {
    Map<String, String> detail = new LinkedHashMap<>();
    detail.put("path", violation.path());
    detail.put("message", violation.message());
    return detail;
  }
}
