package dev.qhook.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What {@link OpenApiResponses} refuses, so that the server tests' checks are not vacuous: a field
 * the description does not name, a missing required field, a value of the wrong form, an error body
 * that is not the error object, an undescribed content type; and what it lets through.
 */
class OpenApiResponsesCheckTest {
  private static final OpenApiResponses RESPONSES = OpenApiResponses.SERVED;
  private static final String JSON = "application/json";
  private static final String ATTEMPTS = "/api/jobs/01JQ7Z8K4VJ3M2N1P0QRSTUVWX/attempts";
  private static final String ATTEMPT =
      "\"attempt\":1,\"status_code\":503,\"error\":\"HTTP 503\",\"duration_ms\":412,"
          + "\"created_at\":\"2026-03-29T10:15:31.002Z\",\"response_body\":null";

  private static OpenApiResponses.Checked attempts(String attempt) {
    return RESPONSES.check("GET", ATTEMPTS, 200, JSON, null, "{\"attempts\":[{" + attempt + "}]}");
  }

  @Test
  void aResponseAsDescribedPassesAndNamesTheAnswerItMatched() {
    OpenApiResponses.Checked checked = attempts(ATTEMPT);

    assertThat(checked.problems()).isEmpty();
    assertThat(checked.operation()).isEqualTo("GET /api/jobs/{id}/attempts 200");
  }

  @Test
  void aFieldTheDescriptionDoesNotNameFails() {
    assertThat(attempts(ATTEMPT + ",\"retry_after\":5").problems())
        .anySatisfy(problem -> assertThat(problem).contains("retry_after"));
  }

  @Test
  void aMissingRequiredFieldFails() {
    assertThat(attempts(ATTEMPT.replace("\"duration_ms\":412,", "")).problems())
        .anySatisfy(problem -> assertThat(problem).contains("duration_ms"));
  }

  @Test
  void aTimestampWithoutMillisecondsFails() {
    assertThat(attempts(ATTEMPT.replace(".002Z", "Z")).problems())
        .anySatisfy(problem -> assertThat(problem).contains("created_at"));
  }

  @Test
  void anErrorOfAnUnknownRouteMustBeTheErrorObject() {
    assertThat(
            RESPONSES
                .check(
                    "GET", "/nope", 404, JSON, null, "{\"code\":\"not_found\",\"message\":\"x\"}")
                .problems())
        .isEmpty();
    assertThat(
            RESPONSES.check("GET", "/nope", 404, JSON, null, "{\"code\":\"not_found\"}").problems())
        .anySatisfy(problem -> assertThat(problem).contains("message"));
  }

  @Test
  void anUndescribedContentTypeOrAnUndescribedSuccessFails() {
    assertThat(RESPONSES.check("GET", "/api/stats", 200, "text/html", null, "<p>").problems())
        .anySatisfy(
            problem -> assertThat(problem).contains("content type text/html is not described"));
    assertThat(RESPONSES.check("GET", "/nope", 200, JSON, null, "{}").problems())
        .containsExactly("no operation GET /nope in the description");
  }

  @Test
  void theStatsMayGrowButKeepTheirDocumentedCounts() {
    String runs =
        "\"workflow_runs_by_status\":{\"running\":0,\"completed\":1,\"failed\":0,\"cancelled\":0}";
    String jobs =
        "{\"available\":0,\"running\":0,\"completed\":2,\"retryable\":0,\"dead\":0,"
            + "\"waiting\":0,\"cancelled\":0}";

    assertThat(
            RESPONSES
                .check(
                    "GET",
                    "/api/stats",
                    200,
                    JSON,
                    null,
                    "{\"events_by_source\":{},\"jobs_by_status\":"
                        + jobs
                        + ",\"handlers\":{},\"queues\":{},"
                        + runs
                        + ",\"something_new\":{}}")
                .problems())
        .isEmpty();
    assertThat(RESPONSES.check("GET", "/api/stats", 200, JSON, null, "{" + runs + "}").problems())
        .anySatisfy(problem -> assertThat(problem).contains("queues"));
  }
}
