package dev.qhook.reliability;

import java.util.List;
import java.util.Map;

/**
 * The fuzzer's management API calls with random parameters, and its other requests: health,
 * readiness, metrics, random paths and methods.
 */
final class FuzzApi {
  private final FuzzParts parts;

  FuzzApi(FuzzParts parts) {
    this.parts = parts;
  }

  FuzzRequest api() {
    String id = parts.gen.chance(0.5) ? "01JQ7Z8K4T2W9X3B5C6D7E8F9G" : parts.values.segment();
    String path =
        parts.gen.pick(
            List.of(
                "/api/events",
                "/api/jobs",
                "/api/events/" + id,
                "/api/jobs/" + id,
                "/api/jobs/" + id + "/attempts",
                "/api/jobs/" + id + "/retry",
                "/api/jobs/retry",
                "/api/" + parts.values.segment()));
    List<Map.Entry<String, String>> headers = parts.commonHeaders(true);
    if (parts.gen.chance(0.9)) {
      headers.add(Map.entry("Authorization", "Bearer " + KitConfig.API_TOKEN));
    }
    String method = path.endsWith("retry") && parts.gen.chance(0.8) ? "POST" : parts.method(0.2);
    byte[] body = method.equals("POST") ? parts.bodies.body() : new byte[0];
    return new FuzzRequest("api", method, path + parts.query(), headers, body, false, null);
  }

  FuzzRequest other() {
    String path =
        parts.gen.pick(
            List.of(
                "/health",
                "/ready",
                "/metrics",
                "/_echo",
                "/_echo/" + parts.values.segment(),
                "/",
                "/" + parts.values.segment(),
                "/events",
                "/events/app",
                "/webhooks",
                "/sns/",
                "//events/app/x",
                "/events/app/x/y",
                "/EVENTS/app/x",
                "/health?" + parts.values.segment(),
                "*"));
    List<Map.Entry<String, String>> headers = parts.commonHeaders(true);
    if (path.startsWith("/metrics") && parts.gen.chance(0.7)) {
      headers.add(Map.entry("Authorization", "Bearer " + KitConfig.METRICS_TOKEN));
    }
    String method = parts.method(0.3);
    byte[] body = parts.gen.chance(0.5) ? parts.bodies.body() : new byte[0];
    return new FuzzRequest("other", method, path, headers, body, parts.gen.chance(0.05), null);
  }
}
