package dev.qhook.server.cli;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The files {@code qhook init} writes: a commented base config and a local overlay. */
final class InitTemplates {
  /** An extra source added with {@code -t/--template}. */
  enum Template {
    GITHUB(
        """
          github:
            type: webhook          # POST /webhooks/github
            verify: github         # checks X-Hub-Signature-256
            secret: ${GITHUB_WEBHOOK_SECRET}
        """),
    STRIPE(
        """
          stripe:
            type: webhook          # POST /webhooks/stripe
            verify: stripe         # checks Stripe-Signature
            secret: ${STRIPE_WEBHOOK_SECRET}
        """),
    SNS(
        """
          sns:
            type: sns              # POST /sns/sns (subscriptions are confirmed automatically)
        """),
    CRON(
        """
          nightly:
            type: cron             # an event of type cron.tick at each occurrence
            schedule: "0 3 * * *"  # minute hour day month weekday (6 fields: seconds first)
            timezone: UTC          # or +02:00, or an IANA zone such as Europe/Berlin
        """);

    private final String source;

    Template(String source) {
      this.source = source;
    }

    /** The name used on the command line. */
    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  static final String BASE =
      """
      # qhook configuration. Every key, its type and default: docs/reference/configuration.md.
      # Values may use environment variables: ${VAR} or ${VAR:-default}.
      # Check it with `qhook validate`; run the server with `qhook start`
      # (add `-e local` to merge qhook.local.yaml for local development).

      database:
        driver: sqlite           # sqlite (default) or postgres
        url: sqlite:qhook.db     # a file in the working directory

      server:
        port: 8888
        # host: 0.0.0.0
        # max_body_size: 1048576 # bytes; larger requests get 413

      # Set a token before exposing the server: it guards POST /events/... and /api/...
      # api:
      #   auth_token: ${QHOOK_API_TOKEN}

      delivery:
        timeout: 30s
        default_retry:
          max: 5                 # attempts, the first included
          backoff: exponential   # or fixed
          interval: 30s          # first retry delay
          max_interval: 1h
          jitter: true

      # Handlers push matching events to an HTTP URL.
      # handlers:
      #   app-to-service:
      #     source: app
      #     events: ["*"]        # exact types, "*" or prefixes such as "order.*"
      #     url: https://example.com/hooks/qhook

      sources:
        app:
          type: event            # POST /events/app/{event_type}
      """;

  static final String LOCAL_OVERLAY =
      """
      # Local development overlay, merged onto qhook.yaml by `qhook start -e local`
      # (or QHOOK_ENV=local). Lets handlers call localhost and other private addresses.
      server:
        allow_private_urls: true
      """;

  private InitTemplates() {}

  static String base(@Nullable Template template) {
    return template == null ? BASE : BASE + template.source;
  }
}
