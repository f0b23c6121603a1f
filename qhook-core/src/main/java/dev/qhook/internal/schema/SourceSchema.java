package dev.qhook.internal.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.qhook.internal.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A source's {@code schema} (docs/reference/configuration.md, "Schemas"), compiled once: JSON
 * Schema draft 2020-12 unless the document names another draft in {@code $schema}. Remote {@code
 * $ref}s are never fetched; only the bundled meta-schemas resolve. Thread-safe.
 */
public final class SourceSchema {
  /** Errors reported per body or schema; more are summarised as a count. */
  static final int MAX_VIOLATIONS = 20;

  private static final SpecificationVersion DRAFT = SpecificationVersion.DRAFT_2020_12;
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(DRAFT);
  private static final Schema META_SCHEMA =
      REGISTRY.getSchema(SchemaLocation.of(DRAFT.getDialectId()));

  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]+");

  private final Schema schema;

  private SourceSchema(Schema schema) {
    this.schema = schema;
  }

  /**
   * Parses and compiles {@code schemaJson}: it must be JSON, valid against the draft 2020-12
   * meta-schema, and compile (references resolve).
   *
   * @throws InvalidSchemaException naming every problem found
   */
  public static SourceSchema compile(String schemaJson) throws InvalidSchemaException {
    JsonNode document;
    try {
      document = Json.MAPPER.readTree(schemaJson);
    } catch (JsonProcessingException e) {
      throw new InvalidSchemaException(List.of("invalid JSON: " + e.getOriginalMessage()));
    }
    if (document == null || !(document.isObject() || document.isBoolean())) {
      throw new InvalidSchemaException(List.of("must be a JSON object (a JSON Schema)"));
    }
    List<String> problems = new ArrayList<>();
    for (SchemaViolation v : violations(META_SCHEMA, document)) {
      problems.add("not a valid JSON Schema: " + describe(v));
    }
    if (!problems.isEmpty()) {
      throw new InvalidSchemaException(problems);
    }
    try {
      Schema schema = REGISTRY.getSchema(SchemaLocation.DOCUMENT, document);
      schema.initializeValidators();
      return new SourceSchema(schema);
    } catch (SchemaException | IllegalArgumentException | IllegalStateException e) {
      throw new InvalidSchemaException(List.of("cannot be compiled: " + messageOf(e)));
    }
  }

  /** Checks a raw body: it must be JSON and valid; an empty list means it passes. */
  public List<SchemaViolation> validate(byte[] body) {
    JsonNode node = Json.parseOrNull(body);
    if (node == null) {
      return List.of(new SchemaViolation("$", "body is not JSON"));
    }
    return validate(node);
  }

  /** Checks a JSON document; an empty list means it passes. */
  public List<SchemaViolation> validate(JsonNode document) {
    try {
      return violations(schema, document);
    } catch (SchemaException | IllegalStateException e) {
      return List.of(new SchemaViolation("$", "schema could not be applied: " + messageOf(e)));
    } catch (ArithmeticException | NumberFormatException e) { // multipleOf on 1e2000 (infinite)
      return List.of(
          new SchemaViolation(
              "$", "a number is too large or too precise to check against the schema"));
    }
  }

  private static List<SchemaViolation> violations(Schema schema, JsonNode document) {
    List<Error> errors = schema.validate(document);
    List<SchemaViolation> violations = new ArrayList<>();
    for (Error error : errors) {
      if (violations.size() == MAX_VIOLATIONS) {
        violations.add(
            new SchemaViolation("$", (errors.size() - MAX_VIOLATIONS) + " more errors not shown"));
        break;
      }
      violations.add(new SchemaViolation(pathOf(error), messageWithoutPath(error)));
    }
    return violations;
  }

  /**
   * The instance location in qhook's path syntax (docs/reference/configuration.md, "Paths"): {@code
   * $.items[0]['a b']}.
   */
  static String pathOf(Error error) {
    NodePath location = error.getInstanceLocation();
    StringBuilder path = new StringBuilder("$");
    if (location == null) {
      return path.toString();
    }
    for (int i = 0; i < location.getNameCount(); i++) {
      Object element = location.getElement(i);
      if (element instanceof Integer index) {
        path.append('[').append(index).append(']');
      } else {
        String name = String.valueOf(element);
        if (PLAIN_KEY.matcher(name).matches()) {
          path.append('.').append(name);
        } else {
          path.append("['").append(name.replace("\\", "\\\\").replace("'", "\\'")).append("']");
        }
      }
    }
    return path.toString();
  }

  /** The library may prefix messages with the instance location; details carry it separately. */
  private static String messageWithoutPath(Error error) {
    String message = error.getMessage() == null ? "invalid" : error.getMessage();
    NodePath location = error.getInstanceLocation();
    String prefix = location == null ? "" : location + ": ";
    return !prefix.isEmpty() && message.startsWith(prefix)
        ? message.substring(prefix.length())
        : message;
  }

  private static String describe(SchemaViolation v) {
    return v.path().equals("$") ? v.message() : v.path() + ": " + v.message();
  }

  private static String messageOf(Exception e) {
    @Nullable String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
