package dev.qhook.reliability;

import java.util.List;
import java.util.Map;

/**
 * The fuzzer's ingest requests: {@code /events} with or without the API token, and {@code
 * /webhooks} signed correctly, wrongly or not at all.
 */
final class FuzzIngest {
  private final Gen gen;
  private final FuzzValues values;
  private final FuzzBodies bodies;
  private final FuzzParts parts;

  FuzzIngest(FuzzParts parts) {
    this.gen = parts.gen;
    this.values = parts.values;
    this.bodies = parts.bodies;
    this.parts = parts;
  }

  FuzzRequest event() {
    String source = gen.chance(0.85) ? gen.pick(KitConfig.EVENT_SOURCES) : values.segment();
    List<Map.Entry<String, String>> headers = parts.commonHeaders(false);
    int auth = gen.below(10);
    if (auth < 8) {
      headers.add(Map.entry("Authorization", "Bearer " + KitConfig.API_TOKEN));
    } else if (auth == 8) {
      headers.add(Map.entry("Authorization", values.headerValue()));
    }
    if (gen.chance(0.3)) {
      headers.add(Map.entry("Idempotency-Key", values.headerValue()));
    }
    return new FuzzRequest(
        "event",
        parts.method(0.9),
        "/events/"
            + source
            + "/"
            + (gen.chance(0.4) ? "order." + values.segment() : values.segment()),
        headers,
        bodies.body(),
        gen.chance(0.05),
        null);
  }

  FuzzRequest webhook() {
    KitConfig.Webhook target = gen.pick(KitConfig.WEBHOOKS);
    String source = gen.chance(0.9) ? target.name() : values.segment();
    byte[] body = bodies.body();
    List<Map.Entry<String, String>> headers = parts.commonHeaders(false);
    for (String name : List.of("X-GitHub-Event", "X-Shopify-Topic", "X-Gitlab-Event")) {
      if (gen.chance(0.3)) {
        headers.add(Map.entry(name, values.headerValue()));
      }
    }
    if (gen.chance(0.2)) {
      headers.add(Map.entry("Idempotency-Key", values.headerValue()));
    }
    String secret =
        target.verify().equals("standard-webhooks") ? KitConfig.STANDARD_SECRET : KitConfig.SECRET;
    long now = System.currentTimeMillis() / 1000 - (gen.chance(0.1) ? 100_000 : 0);
    List<Map.Entry<String, String>> signature =
        Signatures.sign(target.verify(), secret, body, now, "msg_" + gen.draw(FuzzValues.WORD));
    int mode = gen.below(10);
    for (Map.Entry<String, String> h : signature) {
      if (mode < 7) {
        headers.add(h);
      } else if (mode < 9) {
        String v = h.getValue();
        headers.add(
            Map.entry(
                h.getKey(), v.substring(0, gen.below(v.length() + 1)) + values.headerValue()));
      }
    }
    return new FuzzRequest(
        "webhook",
        parts.method(0.9),
        "/webhooks/" + source + parts.query(),
        headers,
        body,
        gen.chance(0.05),
        null);
  }
}
