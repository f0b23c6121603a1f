package dev.qhook.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Checks responses the tests receive against the OpenAPI description: the response the operation
 * describes for the status (else its {@code default}), its content type, and the body against that
 * content's schema (JSON Schema 2020-12). A response to no described operation must be an error
 * body. The schemas are checked {@linkplain OpenApiStrictness strictly}: a field the description
 * does not name fails, so the description stays complete. Thread-safe.
 */
final class OpenApiResponses {
  /** The description the server serves; {@link RunningServer} checks every response with it. */
  static final OpenApiResponses SERVED = new OpenApiResponses(OpenApiDescription.load());

  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private static final String ERROR_SCHEMA = "#/components/schemas/Error";

  /** The name of the checked schema among the component schemas (which start upper case). */
  private static final String RESPONSE = "response";

  private final OpenApiDescription description;
  private final ObjectNode strictComponents;
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

  /**
   * The outcome of a check.
   *
   * @param operation the described answer the response matched, {@code METHOD /path status} (the
   *     path as described), or null when it matched none (an error of an unknown route, or a
   *     compressed body, which is not checked)
   * @param problems what is wrong; empty when the response is as described
   */
  record Checked(@Nullable String operation, List<String> problems) {}

  OpenApiResponses(OpenApiDescription description) {
    this.description = description;
    this.strictComponents = OpenApiStrictness.components(description.document());
  }

  /**
   * Fails with every problem of {@code response} to {@code request}.
   *
   * @return the described answer it matched ({@code METHOD /path status}), or null
   */
  @Nullable String check(HttpRequest request, HttpResponse<String> response) {
    Checked checked =
        check(
            request.method(),
            request.uri().getRawPath(),
            response.statusCode(),
            response.headers().firstValue("Content-Type").orElse(null),
            response.headers().firstValue("Content-Encoding").orElse(null),
            response.body());
    if (!checked.problems().isEmpty()) {
      throw new AssertionError(
          "the response to "
              + request.method()
              + " "
              + request.uri().getRawPath()
              + " ("
              + response.statusCode()
              + " "
              + abbreviate(response.body())
              + ") does not match openapi.yaml: "
              + String.join("; ", checked.problems()));
    }
    return checked.operation();
  }

  /** Checks a response to {@code method} on {@code rawPath}. */
  Checked check(
      String method,
      String rawPath,
      int status,
      @Nullable String contentType,
      @Nullable String contentEncoding,
      @Nullable String body) {
    if (contentEncoding != null) {
      return new Checked(null, List.of()); // a compressed body; its tests look at the compression
    }
    OpenApiDescription.Operation operation = description.find(method, rawPath);
    if (operation == null) {
      String where = "error " + status + " of " + method + " " + rawPath;
      return new Checked(
          null,
          status >= 400
              ? validate(strictSchema(ERROR_SCHEMA), body, where)
              : List.of("no operation " + method + " " + rawPath + " in the description"));
    }
    JsonNode responses = operation.node().path("responses");
    JsonNode described = responses.get(Integer.toString(status));
    if (described == null) {
      described = responses.get("default");
    }
    if (described == null) {
      return failed(operation + " describes no response " + status + " and no default");
    }
    JsonNode content = description.resolve(described).get("content");
    String where = operation + " " + status;
    if (content == null || content.isEmpty()) {
      return body == null || body.isEmpty()
          ? passed(where)
          : failed(where + " is described without a body, but has one");
    }
    String mediaType = mediaType(contentType, content);
    if (mediaType == null) {
      return failed(where + ": content type " + contentType + " is not described");
    }
    JsonNode schema = content.get(mediaType).get("schema");
    if (schema == null) {
      return passed(where);
    }
    String key =
        operation
            + " "
            + (responses.has(Integer.toString(status)) ? status : "default")
            + " "
            + mediaType;
    Schema compiled = schemas.computeIfAbsent(key, k -> compile(schema));
    List<String> problems =
        mediaType.equals("application/json")
            ? validate(compiled, body, where)
            : validateText(compiled, body, where);
    return problems.isEmpty() ? passed(where) : new Checked(null, problems);
  }

  private static Checked passed(String where) {
    return new Checked(where, List.of());
  }

  private static Checked failed(String problem) {
    return new Checked(null, List.of(problem));
  }

  private static List<String> validate(Schema schema, @Nullable String body, String where) {
    JsonNode json;
    try {
      json = OpenApiDescription.JSON.readTree(body == null ? "" : body);
    } catch (IOException e) {
      return List.of(where + ": body is not JSON");
    }
    if (json == null || json.isMissingNode()) {
      return List.of(where + ": body is empty, JSON expected");
    }
    return errors(schema, json, where);
  }

  /** A text body, as a JSON string, against the schema (an {@code enum}, or {@code string}). */
  private static List<String> validateText(Schema schema, @Nullable String body, String where) {
    return errors(schema, TextNode.valueOf(body == null ? "" : body), where);
  }

  private static List<String> errors(Schema schema, JsonNode json, String where) {
    List<String> problems = new ArrayList<>();
    for (Error error : schema.validate(json)) {
      problems.add(where + ": " + error.getInstanceLocation() + " " + error.getMessage());
    }
    return problems;
  }

  private Schema strictSchema(String ref) {
    return schemas.computeIfAbsent(
        ref, k -> compile(OpenApiDescription.JSON.createObjectNode().put("$ref", ref)));
  }

  /**
   * Compiles {@code schema} as the root of a document whose {@code $defs} are the description's
   * component schemas (made strict), where its references point.
   */
  private Schema compile(JsonNode schema) {
    ObjectNode defs = strictComponents.deepCopy();
    defs.set(RESPONSE, OpenApiStrictness.tighten(schema, description.document()));
    ObjectNode root = OpenApiDescription.JSON.createObjectNode();
    root.put("$schema", SpecificationVersion.DRAFT_2020_12.getDialectId());
    root.set("$defs", defs);
    root.put("$ref", OpenApiStrictness.DEFS + RESPONSE);
    Schema compiled = REGISTRY.getSchema(SchemaLocation.DOCUMENT, root);
    compiled.initializeValidators();
    return compiled;
  }

  /** The response's media type among those described, or null. */
  private static @Nullable String mediaType(@Nullable String contentType, JsonNode content) {
    String actual =
        contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    for (Iterator<String> names = content.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (name.equals(actual) || name.equals("*/*")) {
        return name;
      }
    }
    return null;
  }

  private static String abbreviate(@Nullable String body) {
    if (body == null) {
      return "";
    }
    return body.length() > 300 ? body.substring(0, 300) + "..." : body;
  }
}
