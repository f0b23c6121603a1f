package dev.qhook.reliability;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The qhook config of each scenario (docs/reliability.md, "Method"), written by the kit before it
 * starts the server: {@code KitConfig --profile load|receiver-outage|fuzz --file qhook.yaml
 * --database sqlite:/tmp/r.db --port 19400 --receiver http://127.0.0.1:19401}
 *
 * <ul>
 *   <li>{@code load} (kill -9, database outage): source {@code rel}, one handler to the receiver,
 *       every setting at its default but {@code delivery.timeout} 5 s (the lease of a job whose
 *       server was killed lapses after the timeout plus 20 s);
 *   <li>{@code receiver-outage}: the same with {@code retry: {max: 3, interval: 1s, max_interval:
 *       10s}}, so that a job that keeps failing is dead within seconds unless the circuit breaker
 *       holds it back;
 *   <li>{@code fuzz}: every source type and signature scheme, handlers with filters, a transform,
 *       idempotency and ordering keys, an API token, signed deliveries, and {@code retry: {max: 2}}
 *       so that an undeliverable job is dead within seconds.
 * </ul>
 */
public final class KitConfig {
  static final String LOAD_SOURCE = "rel";
  static final String API_TOKEN = "fuzz-token";
  static final String METRICS_TOKEN = "fuzz-metrics";
  static final String SECRET = "fuzz-secret";
  static final String STANDARD_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

  /** A webhook source of the fuzz config: its name is its scheme (or {@code open}). */
  record Webhook(String name, String verify) {}

  static final List<Webhook> WEBHOOKS =
      List.of(
          new Webhook("open", ""),
          new Webhook("github", "github"),
          new Webhook("stripe", "stripe"),
          new Webhook("shopify", "shopify"),
          new Webhook("hmac", "hmac"),
          new Webhook("pagerduty", "pagerduty"),
          new Webhook("grafana", "grafana"),
          new Webhook("terraform", "terraform"),
          new Webhook("gitlab", "gitlab"),
          new Webhook("standard", "standard-webhooks"),
          new Webhook("linear", "linear"),
          new Webhook("paddle", "paddle"),
          new Webhook("twilio", "twilio"));

  static final List<String> EVENT_SOURCES = List.of("app", "typed");
  static final List<String> SNS_SOURCES = List.of("sns", "sns-emu");

  private KitConfig() {}

  public static void main(String[] argv) {
    Cli.run(
        "kit-config",
        () -> {
          Args args = Args.parse(argv, "profile", "file", "database", "port", "receiver");
          String yaml =
              yaml(
                  args.get("profile"),
                  args.get("database"),
                  args.getInt("port", 19400),
                  args.get("receiver"));
          Files.writeString(Path.of(args.get("file")), yaml, StandardCharsets.UTF_8);
          return 0;
        });
  }

  static String yaml(String profile, String databaseUrl, int port, String receiver) {
    StringBuilder y = new StringBuilder();
    y.append("database:\n  url: \"").append(databaseUrl).append("\"\n");
    y.append("server:\n  host: 127.0.0.1\n  port: ").append(port).append('\n');
    y.append("  allow_private_urls: true\n");
    switch (profile) {
      case "load" -> load(y, receiver, "");
      case "receiver-outage" ->
          load(y, receiver, "    retry: { max: 3, interval: 1s, max_interval: 10s }\n");
      case "fuzz" -> fuzz(y, receiver);
      default -> throw new IllegalArgumentException("unknown profile '" + profile + "'");
    }
    return y.toString();
  }

  private static void load(StringBuilder y, String receiver, String retry) {
    y.append("delivery:\n  timeout: 5s\n");
    y.append("sources:\n  ").append(LOAD_SOURCE).append(":\n    type: event\n");
    y.append("handlers:\n  receiver:\n    source: ").append(LOAD_SOURCE).append('\n');
    y.append("    url: \"").append(receiver).append("/rel\"\n").append(retry);
  }

  private static void fuzz(StringBuilder y, String receiver) {
    y.append("  max_body_size: 262144\n");
    y.append("  public_url: \"http://127.0.0.1\"\n");
    y.append("api:\n  auth_token: ").append(API_TOKEN).append('\n');
    y.append("  metrics_auth_token: ").append(METRICS_TOKEN).append('\n');
    y.append("delivery:\n  timeout: 5s\n  signing_secret: ").append(STANDARD_SECRET).append('\n');
    y.append("  default_retry: { max: 2, interval: 1s, max_interval: 2s }\n");
    y.append("sources:\n");
    y.append("  app:\n    type: event\n");
    y.append("  typed:\n    type: event\n    schema:\n      type: object\n");
    y.append("      required: [id]\n      properties:\n        id: { type: string }\n");
    y.append("        amount: { type: number }\n");
    for (Webhook w : WEBHOOKS) {
      y.append("  ").append(w.name()).append(":\n    type: webhook\n");
      if (!w.verify().isEmpty()) {
        y.append("    verify: ").append(w.verify()).append('\n');
        String secret = w.verify().equals("standard-webhooks") ? STANDARD_SECRET : SECRET;
        y.append("    secret: ").append(secret).append('\n');
      }
    }
    y.append("  sns:\n    type: sns\n");
    y.append("  sns-emu:\n    type: sns\n    skip_verify: true\n");
    y.append("handlers:\n");
    handler(
        y, "app-all", "app", receiver, "    idempotency_key: $.id\n    ordering_key: $.customer\n");
    handler(
        y,
        "app-orders",
        "app",
        receiver,
        "    events: [\"order.*\"]\n"
            + "    filter: \"$.amount > 100 and $.customer exists or $.tags contains vip"
            + " or $.name matches '^[a-z]+$'\"\n"
            + "    method: PUT\n"
            + "    headers: { X-Fuzz: \"yes\" }\n"
            + "    transform: '{\"id\": \"{{ $.id }}\", \"amount\": {{ $.amount }},"
            + " \"all\": {{ $ }}}'\n");
    handler(y, "typed-h", "typed", receiver, "    ordering_key: $.id\n");
    for (Webhook w : WEBHOOKS) {
      handler(y, w.name() + "-h", w.name(), receiver, "");
    }
    for (String sns : SNS_SOURCES) {
      handler(y, sns + "-h", sns, receiver, "");
    }
  }

  private static void handler(
      StringBuilder y, String name, String source, String receiver, String extra) {
    y.append("  ").append(name).append(":\n    source: ").append(source).append('\n');
    y.append("    url: \"").append(receiver).append('/').append(name).append("\"\n");
    y.append(extra);
  }
}
