package dev.qhook.verify;

import static java.util.Objects.requireNonNull;

import dev.qhook.verify.internal.GithubVerifier;
import dev.qhook.verify.internal.GitlabVerifier;
import dev.qhook.verify.internal.GrafanaVerifier;
import dev.qhook.verify.internal.HmacVerifier;
import dev.qhook.verify.internal.LinearVerifier;
import dev.qhook.verify.internal.PaddleVerifier;
import dev.qhook.verify.internal.PagerDutyVerifier;
import dev.qhook.verify.internal.ShopifyVerifier;
import dev.qhook.verify.internal.StandardWebhooksVerifier;
import dev.qhook.verify.internal.StripeVerifier;
import dev.qhook.verify.internal.TerraformVerifier;
import dev.qhook.verify.internal.TwilioVerifier;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The entry point: a {@link WebhookVerifier} for a scheme name as written in the {@code verify} key
 * of a webhook source.
 *
 * <pre>{@code
 * WebhookVerifier verifier =
 *     WebhookVerifiers.forScheme("github", VerifierSettings.of(System.getenv("GITHUB_SECRET")));
 * VerificationResult result = verifier.verify(WebhookRequest.of(body, headers));
 * }</pre>
 */
public final class WebhookVerifiers {

  private static final Map<String, Function<VerifierSettings, WebhookVerifier>> FACTORIES =
      factories();

  /**
   * Every valid scheme name: {@code github}, {@code stripe}, {@code shopify}, {@code hmac}, {@code
   * pagerduty}, {@code grafana}, {@code terraform}, {@code gitlab}, {@code standard-webhooks},
   * {@code linear}, {@code twilio}, {@code paddle}. Iterates in that order.
   */
  public static final Set<String> SCHEMES = Collections.unmodifiableSet(FACTORIES.keySet());

  private WebhookVerifiers() {}

  /**
   * The verifier for {@code scheme}.
   *
   * @throws IllegalArgumentException if the scheme is not one of {@link #SCHEMES}
   */
  public static WebhookVerifier forScheme(String scheme, VerifierSettings settings) {
    requireNonNull(scheme, "scheme");
    requireNonNull(settings, "settings");
    Function<VerifierSettings, WebhookVerifier> factory = FACTORIES.get(scheme);
    if (factory == null) {
      throw new IllegalArgumentException(
          "unknown verify scheme '" + scheme + "'; expected one of " + String.join(", ", SCHEMES));
    }
    return factory.apply(settings);
  }

  /** True if {@code scheme} is one of {@link #SCHEMES}. */
  public static boolean isKnownScheme(String scheme) {
    return FACTORIES.containsKey(scheme);
  }

  private static Map<String, Function<VerifierSettings, WebhookVerifier>> factories() {
    Map<String, Function<VerifierSettings, WebhookVerifier>> map = new LinkedHashMap<>();
    map.put("github", GithubVerifier::new);
    map.put("stripe", StripeVerifier::new);
    map.put("shopify", ShopifyVerifier::new);
    map.put("hmac", HmacVerifier::new);
    map.put("pagerduty", PagerDutyVerifier::new);
    map.put("grafana", GrafanaVerifier::new);
    map.put("terraform", TerraformVerifier::new);
    map.put("gitlab", GitlabVerifier::new);
    map.put("standard-webhooks", StandardWebhooksVerifier::new);
    map.put("linear", LinearVerifier::new);
    map.put("twilio", TwilioVerifier::new);
    map.put("paddle", PaddleVerifier::new);
    return Collections.unmodifiableMap(map);
  }
}
