package dev.qhook.internal.schema;

import static java.util.Objects.requireNonNull;

/**
 * One reason a body does not satisfy a source schema: an item of the {@code details} list of a 400
 * {@code schema_invalid} answer (docs/reference/http-api.md, "Error codes").
 *
 * @param path where in the body, as a JSON path ({@code $} is the whole body)
 * @param message what is wrong there
 */
public record SchemaViolation(String path, String message) {
  public SchemaViolation {
    requireNonNull(path, "path");
    requireNonNull(message, "message");
  }
}
