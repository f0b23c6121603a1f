package dev.qhook.server.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpPartsTest {

  @Test
  void pathPatternsMatchSegmentsAndDecodeParameters() {
    PathPattern pattern = PathPattern.parse("/events/{source}/{type}");

    assertThat(pattern.match(PathPattern.split("/events/app/order%2Fcreated+x")))
        .isEqualTo(Map.of("source", "app", "type", "order/created+x"));
    assertThat(pattern.match(PathPattern.split("/events/app"))).isNull();
    assertThat(pattern.match(PathPattern.split("/events//x"))).isNull();
    assertThat(pattern.match(PathPattern.split("/webhooks/app/x"))).isNull();
  }

  @Test
  void routeTableSeparatesUnknownPathsFromWrongMethods() {
    RouteTable table =
        new RouteTable(
            List.of(
                Route.get("/api/jobs/{id}", r -> Response.ok("detail")),
                Route.post("/api/jobs/retry", r -> Response.ok("bulk"))));

    assertThat(table.match("POST", "/api/jobs/retry").route().method()).isEqualTo("POST");
    assertThat(table.match("GET", "/api/jobs/retry").params()).containsEntry("id", "retry");
    assertThatThrownBy(() -> table.match("DELETE", "/api/jobs/1"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(405));
    assertThatThrownBy(() -> table.match("GET", "/api/nothing"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
  }

  @Test
  void bearerTokenComparesTheWholeTokenAndIsOpenWhenUnset() {
    BearerToken token = BearerToken.of("s3cret");

    assertThat(token.accepts("Bearer s3cret")).isTrue();
    assertThat(token.accepts("bearer s3cret")).isTrue();
    assertThat(token.accepts("Bearer s3cre")).isFalse();
    assertThat(token.accepts("Bearer s3cret2")).isFalse();
    assertThat(token.accepts("s3cret")).isFalse();
    assertThat(token.accepts(null)).isFalse();
    assertThat(BearerToken.of(null).accepts(null)).isTrue();
    assertThat(BearerToken.of("").isSet()).isFalse();
  }

  @Test
  void timestampsAreWrittenWithMillisecondsAndZAndReadInEveryDocumentedForm() {
    assertThat(Timestamps.format(Instant.parse("2026-03-29T10:15:30Z")))
        .isEqualTo("2026-03-29T10:15:30.000Z");
    assertThat(Timestamps.parse("2026-03-29")).isEqualTo(Instant.parse("2026-03-29T00:00:00Z"));
    assertThat(Timestamps.parse("2026-03-29T10:15:30"))
        .isEqualTo(Instant.parse("2026-03-29T10:15:30Z"));
    assertThat(Timestamps.parse("2026-03-29T12:15:30.5+02:00"))
        .isEqualTo(Instant.parse("2026-03-29T10:15:30.5Z"));
    assertThat(Timestamps.parse("2026-03-29T10:15:30-01:00"))
        .isEqualTo(Instant.parse("2026-03-29T11:15:30Z"));
    assertThatThrownBy(() -> Timestamps.parse("yesterday"))
        .hasMessageContaining("expected RFC 3339 or YYYY-MM-DD");
  }

  @Test
  void queryStringTakesTheFirstValueAndDecodesPlusAsSpace() {
    assertThat(QueryString.parse("a=1&a=2&b=x+y%21&c"))
        .isEqualTo(Map.of("a", "1", "b", "x y!", "c", ""));
    assertThatThrownBy(() -> QueryString.parse("a=%zz"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
  }
}
