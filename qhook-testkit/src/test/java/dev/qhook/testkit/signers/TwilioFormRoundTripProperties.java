package dev.qhook.testkit.signers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.verify.VerifierSettings;
import dev.qhook.verify.WebhookRequest;
import dev.qhook.verify.WebhookVerifier;
import dev.qhook.verify.WebhookVerifiers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Twilio form requests: signed parameters verify; changed, added or re-addressed ones do not. */
class TwilioFormRoundTripProperties {
  private static final String SIGNED_URL = "https://example.com/hooks/sms?tenant=7";
  private static final String PUBLIC_URL = "https://example.com/hooks/sms";
  private static final String RECEIVED_AT = "http://10.1.2.3:8080/webhooks/sms?tenant=7";

  private static boolean verifies(String token, SignedRequest signed, String publicUrl) {
    WebhookVerifier verifier =
        WebhookVerifiers.forScheme(
            "twilio", VerifierSettings.builder().secrets(token).publicUrl(publicUrl).build());
    return verifier
        .verify(WebhookRequest.of(signed.body(), signed.headers(), RECEIVED_AT))
        .isVerified();
  }

  @Property(tries = 300)
  void signedFormsVerifyThroughThePublicUrl(
      @ForAll("tokens") String token, @ForAll("params") Map<String, List<String>> params) {
    SignedRequest signed = WebhookSigners.twilioForm(token, SIGNED_URL, params);
    assertThat(verifies(token, signed, PUBLIC_URL)).isTrue();
    assertThat(verifies(token + "x", signed, PUBLIC_URL)).isFalse();
    assertThat(verifies(token, signed, "https://example.com/hooks/other")).isFalse();
  }

  @Property(tries = 300)
  void aChangedOrAddedParameterIsRejected(
      @ForAll("tokens") String token,
      @ForAll("params") Map<String, List<String>> params,
      @ForAll("texts") String extra) {
    SignedRequest signed = WebhookSigners.twilioForm(token, SIGNED_URL, params);
    Map<String, List<String>> changed = new HashMap<>(params);
    String name = params.keySet().iterator().next();
    List<String> values = new ArrayList<>(params.get(name));
    values.set(0, values.get(0) + "x");
    changed.put(name, values);
    SignedRequest forged = WebhookSigners.twilioForm(token + "?", SIGNED_URL, changed);
    assertThat(verifies(token, signed.withBody(forged.body()), PUBLIC_URL)).isFalse();
    Map<String, List<String>> added = new HashMap<>(params);
    added.put("Zz" + extra, List.of("1"));
    SignedRequest more = WebhookSigners.twilioForm(token + "?", SIGNED_URL, added);
    assertThat(verifies(token, signed.withBody(more.body()), PUBLIC_URL)).isFalse();
  }

  @Provide
  Arbitrary<String> tokens() {
    return Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(32);
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings()
        .withCharRange(' ', '~')
        .withCharRange('\u00a0', '\ud7ff')
        .ofMaxLength(12);
  }

  @Provide
  Arbitrary<Map<String, List<String>>> params() {
    Arbitrary<String> names = texts().filter(s -> !s.isEmpty());
    Arbitrary<List<String>> values = texts().list().ofMinSize(1).ofMaxSize(3);
    return Arbitraries.maps(names, values).ofMinSize(1).ofMaxSize(6);
  }
}
