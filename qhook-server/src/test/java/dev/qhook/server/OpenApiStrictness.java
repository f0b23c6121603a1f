package dev.qhook.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Strict copies of the description's schemas, for tests. The description lets clients expect new
 * fields (an object schema names its fields and says nothing of others); the tests check the
 * server's responses as if no other field were allowed, so that a field the server writes but the
 * description lacks fails them. Every object schema that names its {@code properties} (or composes
 * them with {@code allOf}) and does not speak of other properties itself gets {@code
 * unevaluatedProperties: false} where it is used: inline schemas in place, references to component
 * schemas wrapped as {@code {"allOf": [{"$ref": ...}], "unevaluatedProperties": false}}. Parts of
 * an {@code allOf} stay open (the whole is checked), and so do schemas with their own {@code
 * additionalProperties} ({@code /api/stats}, which grows).
 */
final class OpenApiStrictness {
  static final String COMPONENTS = "#/components/schemas/";
  static final String DEFS = "#/$defs/";

  private static final List<String> SCHEMA_KEYWORDS =
      List.of(
          "additionalProperties",
          "items",
          "not",
          "if",
          "then",
          "else",
          "contains",
          "propertyNames",
          "unevaluatedItems");
  private static final List<String> SCHEMA_MAP_KEYWORDS =
      List.of("properties", "patternProperties", "$defs", "dependentSchemas");
  private static final List<String> SCHEMA_LIST_KEYWORDS =
      List.of("allOf", "anyOf", "oneOf", "prefixItems");

  private OpenApiStrictness() {}

  /**
   * The component schemas by name, their insides made strict, for the {@code $defs} of a schema
   * document: references to them are rewritten from {@value #COMPONENTS} to {@value #DEFS}.
   */
  static ObjectNode components(JsonNode document) {
    ObjectNode schemas = OpenApiDescription.JSON.createObjectNode();
    document
        .path("components")
        .path("schemas")
        .fields()
        .forEachRemaining(
            e -> schemas.set(e.getKey(), tighten(e.getValue(), document, true, false)));
    return schemas;
  }

  /** A strict copy of a schema used in place (a response's schema). */
  static JsonNode tighten(JsonNode schema, JsonNode document) {
    return tighten(schema, document, false, false);
  }

  /**
   * @param componentRoot a component schema itself: strict where it is referenced, not here
   * @param inAllOf a part of an {@code allOf}: the whole is strict, not the part
   */
  private static JsonNode tighten(
      JsonNode schema, JsonNode document, boolean componentRoot, boolean inAllOf) {
    if (!schema.isObject()) {
      return schema;
    }
    ObjectNode copy = ((ObjectNode) schema).deepCopy();
    for (String keyword : SCHEMA_KEYWORDS) {
      JsonNode sub = copy.get(keyword);
      if (sub != null && sub.isObject()) {
        copy.set(keyword, tighten(sub, document, false, false));
      }
    }
    for (String keyword : SCHEMA_MAP_KEYWORDS) {
      JsonNode map = copy.get(keyword);
      if (map != null && map.isObject()) {
        ObjectNode out = OpenApiDescription.JSON.createObjectNode();
        map.fields()
            .forEachRemaining(
                e -> out.set(e.getKey(), tighten(e.getValue(), document, false, false)));
        copy.set(keyword, out);
      }
    }
    for (String keyword : SCHEMA_LIST_KEYWORDS) {
      JsonNode list = copy.get(keyword);
      if (list != null && list.isArray()) {
        ArrayNode out = OpenApiDescription.JSON.createArrayNode();
        for (JsonNode item : list) {
          out.add(tighten(item, document, false, keyword.equals("allOf")));
        }
        copy.set(keyword, out);
      }
    }
    JsonNode ref = copy.get("$ref");
    if (ref != null && ref.isTextual() && ref.textValue().startsWith(COMPONENTS)) {
      copy.put("$ref", DEFS + ref.textValue().substring(COMPONENTS.length()));
    }
    if (componentRoot || inAllOf) {
      return copy;
    }
    if (ref != null && ref.isTextual()) {
      if (!isOpenObject(document.at(OpenApiDescription.pointer(ref.textValue())))) {
        return copy;
      }
      ObjectNode wrapped = OpenApiDescription.JSON.createObjectNode();
      wrapped.putArray("allOf").add(copy);
      wrapped.put("unevaluatedProperties", false);
      return wrapped;
    }
    if (isOpenObject(copy)) {
      copy.put("unevaluatedProperties", false);
    }
    return copy;
  }

  /** An object schema that names its properties and says nothing of others. */
  private static boolean isOpenObject(JsonNode schema) {
    return (schema.has("properties") || schema.has("allOf"))
        && !schema.has("additionalProperties")
        && !schema.has("unevaluatedProperties");
  }
}
