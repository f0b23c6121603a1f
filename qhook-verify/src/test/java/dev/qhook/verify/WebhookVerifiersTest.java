package dev.qhook.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WebhookVerifiersTest {

  @Test
  void schemesAreExactlyThoseOfTheSpecification() {
    assertThat(WebhookVerifiers.SCHEMES)
        .containsExactly(
            "github",
            "stripe",
            "shopify",
            "hmac",
            "pagerduty",
            "grafana",
            "terraform",
            "gitlab",
            "standard-webhooks",
            "linear",
            "twilio",
            "paddle");
  }

  @Test
  void everySchemeBuildsAVerifier() {
    for (String scheme : WebhookVerifiers.SCHEMES) {
      assertThat(WebhookVerifiers.forScheme(scheme, VerifierSettings.of("s"))).isNotNull();
      assertThat(WebhookVerifiers.isKnownScheme(scheme)).isTrue();
    }
  }

  @Test
  void anUnknownSchemeIsAClearConfigurationError() {
    assertThat(WebhookVerifiers.isKnownScheme("GitHub")).isFalse();
    assertThatThrownBy(() -> WebhookVerifiers.forScheme("bitbucket", VerifierSettings.of("s")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown verify scheme 'bitbucket'")
        .hasMessageContaining("standard-webhooks");
  }

  @Test
  void settingsRefuseNoSecretsEmptySecretsAndNegativeTolerance() {
    assertThatThrownBy(() -> VerifierSettings.of())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("secrets");
    assertThatThrownBy(() -> VerifierSettings.of("ok", ""))
        .hasMessageContaining("secrets[1]: must not be empty");
    assertThatThrownBy(
            () -> VerifierSettings.builder().secrets("s").tolerance(Duration.ofSeconds(-1)).build())
        .hasMessageContaining("tolerance");
  }

  @Test
  void settingsDefaultToAToleranceOf300Seconds() {
    assertThat(VerifierSettings.of("s").tolerance()).isEqualTo(Duration.ofSeconds(300));
    assertThat(VerifierSettings.of("s").hmacHeader()).isEqualTo("X-Webhook-Signature");
  }
}
