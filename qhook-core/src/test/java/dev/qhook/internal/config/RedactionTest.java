package dev.qhook.internal.config;

import static dev.qhook.internal.config.Yaml.errors;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Config errors and warnings never print credentials from a URL (issue 10 item 9;
 * docs/reference/configuration.md, "Messages"): the userinfo's password (or a userinfo that is one
 * token) and password-like query parameters are shown as {@code ***}.
 */
class RedactionTest {
  private static final String SOURCES = "sources:\n  app: { type: event }\n";

  @Test
  void aRefusedHandlerUrlHidesItsPassword() {
    assertThat(
            errors(
                SOURCES
                    + """
                    handlers:
                      crm: { source: app, url: 'http://admin:hunter2@10.0.0.7/hook' }
                      ftp: { source: app, url: 'ftp://deploy:s3cret@files.example.com/in' }
                    """))
        .containsExactlyInAnyOrder(
            "handlers.crm.url: private address not allowed: http://admin:***@10.0.0.7/hook (set"
                + " server.allow_private_urls to permit)",
            "handlers.ftp.url: invalid URL 'ftp://deploy:***@files.example.com/in': must be an"
                + " absolute http or https URL");
  }

  @Test
  void aTokenAsUserinfoAndSecretQueryParametersAreHidden() {
    assertThat(
            errors(
                "alerts: { url: 'https://xoxb-123@hooks_relay.example.com/x?token=abc&v=1&api_key=k"
                    + "&Password=p' }"))
        .singleElement()
        .asString()
        .startsWith(
            "alerts.url: invalid URL"
                + " 'https://***@hooks_relay.example.com/x?token=***&v=1&api_key=***&Password=***'")
        .doesNotContain("xoxb", "abc", "=k", "=p");
  }

  @Test
  void aDatabaseUrlInAYamlSyntaxErrorIsHidden() {
    List<String> problems = errors("database:\n  url: postgres://qhook:topsecret@db/qhook: oops\n");

    assertThat(String.join("\n", problems)).doesNotContain("topsecret");
  }

  @Test
  void warningsAreRedactedToo() {
    var loaded =
        Yaml.loadWithEnv(
            "server: { public_url: 'https://u:pw@x${SUFFIX}.example.com/?secret=s' }", Map.of());

    assertThat(String.join("\n", loaded.warnings())).doesNotContain("pw", "=s");
  }

  @Test
  void textWithoutCredentialsIsUnchanged() {
    String text = "invalid URL 'https://hooks.example.com/x?v=1&key_id=3': ... user@example.com";

    assertThat(Redaction.redact(text)).isEqualTo(text);
  }
}
