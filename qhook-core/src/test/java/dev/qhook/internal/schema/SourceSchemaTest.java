package dev.qhook.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SourceSchemaTest {
  private static final String ORDER =
      """
      {"type": "object",
       "required": ["id", "items"],
       "properties": {
         "id": {"type": "integer"},
         "items": {"type": "array", "items": {"type": "object", "required": ["sku"]}}}}
      """;

  private static List<SchemaViolation> check(String schema, String body) throws Exception {
    return SourceSchema.compile(schema).validate(body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void validBodyPasses() throws Exception {
    assertThat(check(ORDER, "{\"id\": 1, \"items\": [{\"sku\": \"a\"}]}")).isEmpty();
  }

  @Test
  void violationsNameThePathAndTheProblem() throws Exception {
    List<SchemaViolation> violations = check(ORDER, "{\"id\": \"x\", \"items\": [{}]}");

    assertThat(violations).extracting(SchemaViolation::path).contains("$.id", "$.items[0]");
    assertThat(violations)
        .filteredOn(v -> v.path().equals("$.id"))
        .singleElement()
        .satisfies(v -> assertThat(v.message()).contains("integer").doesNotStartWith("$.id"));
  }

  @Test
  void missingRequiredPropertyIsReportedAtTheObject() throws Exception {
    assertThat(check(ORDER, "{\"items\": []}"))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.path()).isEqualTo("$");
              assertThat(v.message()).contains("id");
            });
  }

  @Test
  void keysThatAreNotPlainAreQuoted() throws Exception {
    String schema = "{\"properties\": {\"a b\": {\"type\": \"string\"}}}";

    assertThat(check(schema, "{\"a b\": 1}"))
        .extracting(SchemaViolation::path)
        .containsExactly("$['a b']");
  }

  @Test
  void bodyThatIsNotJsonFails() throws Exception {
    assertThat(check(ORDER, "id=1")).containsExactly(new SchemaViolation("$", "body is not JSON"));
  }

  @Test
  void draft2020KeywordsApply() throws Exception {
    String tuple = "{\"type\":\"array\",\"prefixItems\":[{\"type\":\"string\"}],\"items\":false}";

    assertThat(check(tuple, "[\"a\"]")).isEmpty();
    assertThat(check(tuple, "[\"a\", 2]")).isNotEmpty();
    assertThat(check(tuple, "[1]")).isNotEmpty();
  }

  @Test
  void schemaThatIsNotJsonIsRefused() {
    assertThatThrownBy(() -> SourceSchema.compile("{type: object"))
        .isInstanceOf(InvalidSchemaException.class)
        .hasMessageContaining("invalid JSON");
  }

  @Test
  void schemaThatBreaksTheMetaSchemaIsRefused() {
    assertThatThrownBy(() -> SourceSchema.compile("{\"type\": \"objekt\"}"))
        .isInstanceOf(InvalidSchemaException.class)
        .hasMessageContaining("not a valid JSON Schema");
    assertThatThrownBy(() -> SourceSchema.compile("{\"required\": \"id\"}"))
        .isInstanceOf(InvalidSchemaException.class)
        .hasMessageContaining("not a valid JSON Schema");
  }

  @Test
  void schemaThatIsNotAnObjectIsRefused() {
    assertThatThrownBy(() -> SourceSchema.compile("[1, 2]"))
        .isInstanceOf(InvalidSchemaException.class)
        .hasMessageContaining("JSON object");
  }

  @Test
  void remoteReferenceIsRefusedWithoutFetchingAnything() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String url = "http://127.0.0.1:" + listener.getLocalPort() + "/schema.json";

      assertThatThrownBy(() -> SourceSchema.compile("{\"$ref\": \"" + url + "\"}"))
          .isInstanceOf(InvalidSchemaException.class);

      listener.setSoTimeout(200);
      assertThatThrownBy(listener::accept).isInstanceOf(SocketTimeoutException.class);
    }
  }

  @Test
  void localReferencesResolve() throws Exception {
    String schema =
        """
        {"$defs": {"id": {"type": "integer"}},
         "type": "object", "properties": {"id": {"$ref": "#/$defs/id"}}}
        """;
    assertThat(check(schema, "{\"id\": 3}")).isEmpty();
    assertThat(check(schema, "{\"id\": \"3\"}")).isNotEmpty();
  }

  @Test
  void booleanSchemas() throws Exception {
    assertThat(check("true", "{}")).isEmpty();
    assertThat(check("false", "{}")).isNotEmpty();
  }

  /** Issue 10 item 3: {@code 1e2000} was a 500 (multipleOf on an infinite double). */
  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS) // a hang guard: exact arithmetic here is unbounded
  void aNumberTheSchemaCannotCheckIsAViolationNotAFailure() throws Exception {
    String schema = "{\"properties\": {\"amount\": {\"multipleOf\": 0.01, \"maximum\": 5}}}";

    assertThat(check(schema, "{\"amount\": 1e2000}"))
        .extracting(SchemaViolation::message)
        .contains("a number is too large or too precise to check against the schema");
    assertThat(check(schema, "{\"amount\": 1e9999999999}")).isNotEmpty();
    assertThat(check(schema, "{\"amount\": 1e999}"))
        .extracting(SchemaViolation::path)
        .containsExactly("$.amount");
    assertThat(check(schema, "{\"amount\": 1e-999}")).isNotEmpty();
    assertThat(check(schema, "{\"amount\": 4.99}")).isEmpty();
  }
}
