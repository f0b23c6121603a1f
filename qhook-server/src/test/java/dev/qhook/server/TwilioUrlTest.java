package dev.qhook.server;

import static dev.qhook.server.SignedWebhooks.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.config.QHookConfig;
import dev.qhook.testkit.signers.SignedRequest;
import dev.qhook.testkit.signers.WebhookSigners;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The URL a Twilio signature covers (docs/verifying-webhooks.md, "Twilio"): the source's {@code
 * public_url} plus the request's query; else {@code server.public_url} + path + query; else rebuilt
 * from the request, with forwarded headers only under {@code trust_proxy}.
 */
class TwilioUrlTest {
  private static final Map<String, List<String>> PARAMS =
      Map.of("CallSid", List.of("CA1"), "From", List.of("+15550001", "+15550002"));

  private static RunningServer start(String server) {
    return RunningServer.start(
        QHookConfig.fromYaml(
            """
            server: %s
            sources:
              calls: { type: webhook, verify: twilio, secret: tw-token }
            """
                .formatted(server)),
        UnaryOperator.identity(),
        UnaryOperator.identity());
  }

  private static HttpResponse<String> post(
      RunningServer server, String path, SignedRequest signed, String... extra) {
    Map<String, String> headers = new LinkedHashMap<>(signed.headers());
    for (int i = 0; i < extra.length; i += 2) {
      headers.put(extra[i], extra[i + 1]);
    }
    return server.post(path, signed.body(), headers);
  }

  @Test
  void serverPublicUrlPlusPathAndQuery() {
    try (RunningServer server =
        start("{ allow_private_urls: true, public_url: 'https://hooks.example.com/' }")) {
      SignedRequest signed =
          WebhookSigners.twilioForm(
              "tw-token", "https://hooks.example.com/webhooks/calls?leg=2", PARAMS);

      assertThat(post(server, "/webhooks/calls?leg=2", signed).statusCode()).isEqualTo(200);
      assertThat(post(server, "/webhooks/calls?leg=3", signed).statusCode()).isEqualTo(401);
    }
  }

  @Test
  void defaultPortVariantIsAccepted() {
    try (RunningServer server =
        start("{ allow_private_urls: true, public_url: 'https://hooks.example.com' }")) {
      SignedRequest signed =
          WebhookSigners.twilioForm(
              "tw-token", "https://hooks.example.com:443/webhooks/calls", PARAMS);

      assertThat(post(server, "/webhooks/calls", signed).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void rebuiltFromTheHostHeaderWithoutPublicUrls() {
    try (RunningServer server = start("{ allow_private_urls: true }")) {
      String url = "http://127.0.0.1:" + server.server.port() + "/webhooks/calls";
      SignedRequest signed = WebhookSigners.twilioForm("tw-token", url, PARAMS);

      assertThat(post(server, "/webhooks/calls", signed).statusCode()).isEqualTo(200);
      assertThat(
              post(
                      server,
                      "/webhooks/calls",
                      WebhookSigners.twilioForm(
                          "tw-token", "https://proxy.example.com/webhooks/calls", PARAMS),
                      "X-Forwarded-Proto",
                      "https",
                      "X-Forwarded-Host",
                      "proxy.example.com")
                  .statusCode())
          .as("forwarded headers are ignored without trust_proxy")
          .isEqualTo(401);
    }
  }

  @Test
  void rebuiltFromForwardedHeadersWithTrustProxy() {
    try (RunningServer server = start("{ allow_private_urls: true, trust_proxy: true }")) {
      SignedRequest signed =
          WebhookSigners.twilioJson(
              "tw-token", "https://proxy.example.com/webhooks/calls", bytes("{\"a\":1}"));
      String query = signed.url().substring(signed.url().indexOf('?'));

      HttpResponse<String> response =
          post(
              server,
              "/webhooks/calls" + query,
              signed,
              "X-Forwarded-Proto",
              "https",
              "X-Forwarded-Host",
              "proxy.example.com");

      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      assertThat(server.events("calls")).hasSize(1);
    }
  }
}
