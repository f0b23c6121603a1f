package dev.qhook.testkit.signers;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Twilio's request signing: HMAC-SHA1 of the URL (plus sorted form parameters), base64. */
final class TwilioSigning {
  private static final String FORM = "application/x-www-form-urlencoded";

  /** Compares strings by their sequences of Unicode code points. */
  private static final Comparator<String> BY_CODE_POINTS =
      (a, b) -> Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());

  private TwilioSigning() {}

  static SignedRequest form(String authToken, String url, Map<String, List<String>> params) {
    List<String> names = new ArrayList<>(params.keySet());
    names.sort(BY_CODE_POINTS);
    StringBuilder signed = new StringBuilder(url);
    StringBuilder body = new StringBuilder();
    for (String name : names) {
      List<String> values = new ArrayList<>(params.get(name));
      values.sort(BY_CODE_POINTS);
      for (String value : values) {
        signed.append(name).append(value);
        if (body.length() > 0) {
          body.append('&');
        }
        body.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
            .append('=')
            .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
      }
    }
    return new SignedRequest(
        body.toString().getBytes(StandardCharsets.UTF_8),
        Map.of("X-Twilio-Signature", signature(authToken, signed.toString()), "Content-Type", FORM),
        url);
  }

  static SignedRequest json(String authToken, String url, byte[] body) {
    String bound =
        url + (url.contains("?") ? "&" : "?") + "bodySHA256=" + Digests.hex(Digests.sha256(body));
    return new SignedRequest(
        body,
        Map.of(
            "X-Twilio-Signature", signature(authToken, bound), "Content-Type", "application/json"),
        bound);
  }

  private static String signature(String authToken, String text) {
    byte[] mac =
        Digests.hmac(
            "HmacSHA1",
            authToken.getBytes(StandardCharsets.UTF_8),
            text.getBytes(StandardCharsets.UTF_8));
    return Digests.base64(mac);
  }
}
