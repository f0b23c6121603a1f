package dev.qhook.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qhook.QHook;
import dev.qhook.config.QHookConfig;
import dev.qhook.memory.InMemoryStore;
import dev.qhook.server.internal.http.Route;
import dev.qhook.server.internal.routes.Readiness;
import dev.qhook.server.internal.routes.ServerRoutes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * openapi.yaml describes exactly the routes the server registers (its real route table, {@link
 * ServerRoutes}), and is a sound OpenAPI 3.1 document: every reference resolves, every path
 * parameter is declared.
 */
class OpenApiCoverageTest {
  private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^/}]+)}");

  private static QHook engine;
  private static List<Route> routes;

  @BeforeAll
  static void routeTable() {
    engine =
        QHook.builder()
            .config(QHookConfig.fromYaml("sources: { app: { type: event } }"))
            .store(new InMemoryStore())
            .build();
    routes = ServerRoutes.create(engine, new Readiness(engine), null).routes();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @Test
  void everyRouteIsDescribedAndEveryDescribedOperationIsARoute() {
    RouteCoverage coverage = RouteCoverage.of(routes, OpenApiDescription.load());

    assertThat(coverage.complete()).as(coverage.report()).isTrue();
    assertThat(routes).hasSizeGreaterThan(40);
  }

  @Test
  void aRouteRemovedFromTheDescriptionIsReportedByName() {
    OpenApiDescription trimmed =
        OpenApiDescription.load().without("GET", "/api/jobs/{id}/attempts");

    RouteCoverage coverage = RouteCoverage.of(routes, trimmed);

    assertThat(coverage.complete()).isFalse();
    assertThat(coverage.undescribed()).containsExactly("GET /api/jobs/{id}/attempts");
    assertThat(coverage.unrouted()).isEmpty();
    assertThat(coverage.report())
        .isEqualTo(
            "routes the server registers but openapi.yaml does not describe: "
                + "[GET /api/jobs/{id}/attempts]\n");
  }

  @Test
  void everyRouteRemovedInTurnIsReportedAloneEvenBesideOtherMethodsOfItsPath() {
    OpenApiDescription description = OpenApiDescription.load();
    for (OpenApiDescription.Operation operation : description.operations()) {
      if (operation.path().equals("/_echo")) {
        continue; // one route for every method: see the next test
      }
      RouteCoverage coverage =
          RouteCoverage.of(routes, description.without(operation.method(), operation.path()));

      assertThat(coverage.undescribed()).as(operation.toString()).hasSize(1);
      assertThat(OpenApiDescription.shape(coverage.undescribed().get(0)))
          .isEqualTo(OpenApiDescription.shape(operation.toString()));
      assertThat(coverage.unrouted()).as(operation.toString()).isEmpty();
    }
  }

  @Test
  void theAnyMethodEchoRouteIsReportedOnlyWhenItsPathIsGone() {
    OpenApiDescription description = OpenApiDescription.load();
    for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE")) {
      description = description.without(method, "/_echo");
    }

    assertThat(RouteCoverage.of(routes, description).undescribed()).containsExactly("ANY /_echo");
  }

  @Test
  void anOperationNoRouteAnswersIsReported() {
    JsonNode document = OpenApiDescription.load().document().deepCopy();
    ObjectNode paths = (ObjectNode) document.get("paths");
    paths.putObject("/api/nothing").set("get", paths.get("/api/stats").get("get"));
    ((ObjectNode) paths.get("/api/stats")).set("delete", paths.get("/api/stats").get("get"));

    RouteCoverage coverage = RouteCoverage.of(routes, new OpenApiDescription(document));

    assertThat(coverage.undescribed()).isEmpty();
    assertThat(coverage.unrouted())
        .containsExactlyInAnyOrder("GET /api/nothing", "DELETE /api/stats");
  }

  @Test
  void isAnOpenApi31DocumentWithUniqueOperationIdsAndAResponseForEveryOperation() {
    OpenApiDescription description = OpenApiDescription.load();
    assertThat(description.document().path("openapi").asText()).startsWith("3.1.");
    Set<String> ids = new HashSet<>();
    for (OpenApiDescription.Operation operation : description.operations()) {
      assertThat(ids.add(operation.node().path("operationId").asText()))
          .as("operationId of " + operation + " is unique")
          .isTrue();
      assertThat(operation.node().path("responses").size()).as(operation.toString()).isPositive();
    }
  }

  @Test
  void everyReferenceResolves() {
    OpenApiDescription description = OpenApiDescription.load();
    List<String> refs = new ArrayList<>();
    collectRefs(description.document(), refs);

    assertThat(refs).hasSizeGreaterThan(100);
    for (String ref : refs) {
      assertThat(description.document().at(OpenApiDescription.pointer(ref)).isMissingNode())
          .as(ref)
          .isFalse();
    }
  }

  @Test
  void everyPathParameterIsDeclaredByEachOperationOfItsPath() {
    OpenApiDescription description = OpenApiDescription.load();
    for (OpenApiDescription.Operation operation : description.operations()) {
      Set<String> declared = new HashSet<>();
      for (JsonNode parameter : operation.node().path("parameters")) {
        JsonNode p = description.resolve(parameter);
        if (p.path("in").asText().equals("path")) {
          assertThat(p.path("required").asBoolean()).as(operation + " " + p).isTrue();
          declared.add(p.path("name").asText());
        }
      }
      Set<String> inPath = new HashSet<>();
      Matcher m = PATH_PARAMETER.matcher(operation.path());
      while (m.find()) {
        inPath.add(m.group(1));
      }
      assertThat(declared).as(operation.toString()).isEqualTo(inPath);
    }
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field :
          (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
        if (field.getKey().equals("$ref") && field.getValue().isTextual()) {
          refs.add(field.getValue().textValue());
        } else {
          collectRefs(field.getValue(), refs);
        }
      }
    } else if (node.isArray()) {
      node.forEach(item -> collectRefs(item, refs));
    }
  }
}
