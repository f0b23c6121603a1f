package dev.qhook.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qhook.server.internal.routes.OpenApiRoute;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The server's OpenAPI description (openapi.yaml, as {@code GET /api/openapi.json} serves it), read
 * for tests: its operations, the operation answering a request, and local {@code $ref}s.
 */
final class OpenApiDescription {
  static final ObjectMapper JSON = new ObjectMapper();

  /** The operation keys of a path item. */
  static final List<String> METHODS =
      List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  /** An operation: its method (upper case), path template and OpenAPI operation object. */
  record Operation(String method, String path, JsonNode node) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  private final JsonNode document;

  OpenApiDescription(JsonNode document) {
    this.document = document;
  }

  /** The description the server serves. */
  static OpenApiDescription load() {
    try {
      return new OpenApiDescription(JSON.readTree(OpenApiRoute.json()));
    } catch (JsonProcessingException e) {
      throw new AssertionError("the served OpenAPI description is not JSON", e);
    }
  }

  JsonNode document() {
    return document;
  }

  /** Every operation, in document order. */
  List<Operation> operations() {
    List<Operation> operations = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (String method : METHODS) {
        JsonNode operation = path.getValue().get(method);
        if (operation != null) {
          operations.add(new Operation(method.toUpperCase(Locale.ROOT), path.getKey(), operation));
        }
      }
    }
    return operations;
  }

  /**
   * A copy without the operation {@code method path}; the path goes too when it has no operation
   * left.
   */
  OpenApiDescription without(String method, String path) {
    ObjectNode copy = document.deepCopy();
    ObjectNode paths = (ObjectNode) copy.get("paths");
    ObjectNode item = (ObjectNode) paths.get(path);
    if (item == null || item.remove(method.toLowerCase(Locale.ROOT)) == null) {
      throw new IllegalArgumentException("the description has no " + method + " " + path);
    }
    if (METHODS.stream().noneMatch(item::has)) {
      paths.remove(path);
    }
    return new OpenApiDescription(copy);
  }

  /**
   * The operation answering {@code method} on a raw request path: the path template whose segments
   * match, the one with most literal segments when several do (as {@code /api/jobs/retry} over
   * {@code /api/jobs/{id}}); null when none.
   */
  @Nullable Operation find(String method, String rawPath) {
    String[] segments = segments(rawPath);
    Operation best = null;
    int bestLiterals = -1;
    for (Operation operation : operations()) {
      if (!operation.method().equals(method)) {
        continue;
      }
      int literals = literalMatches(segments(operation.path()), segments);
      if (literals > bestLiterals) {
        best = operation;
        bestLiterals = literals;
      }
    }
    return best;
  }

  /** The node a local {@code $ref} ({@code #/components/...}) points to, else the node itself. */
  JsonNode resolve(JsonNode node) {
    JsonNode ref = node.get("$ref");
    if (ref == null || !ref.isTextual()) {
      return node;
    }
    JsonNode target = document.at(pointer(ref.textValue()));
    if (target.isMissingNode()) {
      throw new AssertionError("unresolved $ref " + ref.textValue());
    }
    return resolve(target);
  }

  /** The JSON pointer of a local {@code $ref}. */
  static String pointer(String ref) {
    if (!ref.startsWith("#")) {
      throw new AssertionError("not a local $ref: " + ref);
    }
    return ref.substring(1);
  }

  /** A path template with its parameter names left out: {@code /api/jobs/{}}. */
  static String shape(String pathTemplate) {
    return pathTemplate.replaceAll("\\{[^/}]*}", "{}");
  }

  private static String[] segments(String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    return p.split("/", -1);
  }

  /** The number of literal segments of {@code template} when it matches, else -1. */
  private static int literalMatches(String[] template, String[] request) {
    if (template.length != request.length) {
      return -1;
    }
    int literals = 0;
    for (int i = 0; i < template.length; i++) {
      if (template[i].startsWith("{") && template[i].endsWith("}")) {
        if (request[i].isEmpty()) {
          return -1;
        }
      } else if (template[i].equals(request[i])) {
        literals++;
      } else {
        return -1;
      }
    }
    return literals;
  }
}
