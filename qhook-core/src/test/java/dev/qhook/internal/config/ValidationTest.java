package dev.qhook.internal.config;

import static dev.qhook.internal.config.Yaml.errors;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The checks of a config (docs/reference/configuration.md, "Errors and warnings"), each error
 * naming its config path. Sections the engine does not run yet keep their checks; their problems
 * are reported together with the refusal.
 */
class ValidationTest {
  private static final String SOURCES =
      """
      sources:
        app: { type: event }
        github: { type: webhook, verify: github, secret: s }
      """;

  @Test
  void misspelledRetryKeyNamesThePathAndSuggestsTheKey() {
    assertThat(
            errors(
                SOURCES
                    + """
                    handlers:
                      orders:
                        source: app
                        url: http://orders:3000/hook
                        retry: { intervall: 5s }
                    """))
        .containsExactly("handlers.orders.retry.intervall: unknown key (did you mean 'interval'?)");
  }

  @Test
  void unknownKeysEverywhereAreReportedTogether() {
    assertThat(
            errors(
                SOURCES
                    + """
                    servr: {}
                    server: { prot: 80 }
                    handlers:
                      notify: { source: app, url: http://n:1/x, retyr: {} }
                    """))
        .containsExactlyInAnyOrder(
            "servr: unknown key (did you mean 'server'?)",
            "server.prot: unknown key (did you mean 'port'?)",
            "handlers.notify.retyr: unknown key (did you mean 'retry'?)");
  }

  @Test
  void unknownKeyFarFromEveryValidKeyHasNoSuggestion() {
    assertThat(errors("server: { completely_wrong: 1 }"))
        .containsExactly("server.completely_wrong: unknown key");
  }

  @Test
  void handlerSourceMustExist() {
    assertThat(errors(SOURCES + "handlers:\n  notify: { source: stripe2, url: http://n:1/x }"))
        .containsExactly("handlers.notify.source: unknown source 'stripe2' (defined: app, github)");
    assertThat(errors(SOURCES + "queues:\n  q: { source: githb }"))
        .containsExactly("queues.q.source: unknown source 'githb' (did you mean 'github'?)");
  }

  @Test
  void databaseDriverMustBeSupported() {
    assertThat(errors("database: { driver: d1 }"))
        .containsExactly(
            "database.driver: unsupported database driver 'd1' (supported: sqlite, postgres,"
                + " mysql)");
  }

  @Test
  void postgresNeedsAUrlAndUrlMustFitDriver() {
    assertThat(errors("database: { driver: postgres }"))
        .containsExactly("database.url: required for driver 'postgres'");
    assertThat(errors("database: { driver: mysql, url: 'postgres://u:p@h/db' }"))
        .containsExactly("database.url: a postgres URL does not fit driver 'mysql'");
  }

  @Test
  void verifyNeedsASecret() {
    assertThat(errors("sources:\n  gh: { type: webhook, verify: github }"))
        .containsExactly("sources.gh.secret: required when 'verify' is set");
    assertThat(errors("sources:\n  gh: { type: webhook, verify: github, secret: '' }"))
        .containsExactly("sources.gh.secret: required when 'verify' is set");
  }

  @Test
  void verifySchemeMustBeKnown() {
    assertThat(errors("sources:\n  gh: { type: webhook, verify: githib, secret: s }"))
        .singleElement()
        .asString()
        .startsWith("sources.gh.verify: unsupported verify scheme 'githib' (supported: github,")
        .endsWith("; did you mean 'github'?");
  }

  @Test
  void sourceTypeMustBeKnownAndKeysMustFitIt() {
    assertThat(errors("sources:\n  a: { type: webhok }"))
        .singleElement()
        .asString()
        .startsWith("sources.a.type: unsupported source type 'webhok'");
    assertThat(errors("sources:\n  a: { type: event, schedule: '* * * * *' }"))
        .containsExactly("sources.a.schedule: not valid for a 'event' source");
    assertThat(errors("sources:\n  a: { }")).containsExactly("sources.a.type: required");
  }

  @Test
  void cronNeedsAParsableScheduleAndAKnownTimezone() {
    assertThat(errors("sources:\n  tick: { type: cron }"))
        .containsExactly("sources.tick.schedule: required");
    assertThat(errors("sources:\n  tick: { type: cron, schedule: '61 * * * *' }"))
        .containsExactly(
            "sources.tick.schedule: invalid cron expression '61 * * * *': Value 61 not in range"
                + " [0, 59]");
    assertThat(
            Yaml.bindingErrors(
                "sources:\n  tick: { type: cron, schedule: '@daily', timezone: Mars/Base }"))
        .singleElement()
        .asString()
        .startsWith("sources.tick.timezone: unknown timezone 'Mars/Base'");
  }

  @Test
  void allowedIpsMustBeAddressesOrCidrs() {
    assertThat(
            errors(
                "sources:\n  w: { type: webhook, allowed_ips: ['10.0.0.0/8', '::1', 'example.com',"
                    + " '10.0.0.0/33'] }"))
        .containsExactly(
            "sources.w.allowed_ips[2]: invalid IP address or CIDR block 'example.com'",
            "sources.w.allowed_ips[3]: invalid IP address or CIDR block '10.0.0.0/33'");
  }

  @Test
  void privateHandlerUrlsAreRefusedUnlessAllowed() {
    String handlers =
        """
        handlers:
          crm: { source: app, url: 'http://10.0.0.7/hook' }
          local: { source: app, url: 'http://localhost:3000/x' }
          v6: { source: app, url: 'http://[::1]:8080/x' }
        """;
    assertThat(errors(SOURCES + handlers))
        .containsExactly(
            "handlers.crm.url: private address not allowed: http://10.0.0.7/hook (set"
                + " server.allow_private_urls to permit)",
            "handlers.local.url: private address not allowed: http://localhost:3000/x (set"
                + " server.allow_private_urls to permit)",
            "handlers.v6.url: private address not allowed: http://[::1]:8080/x (set"
                + " server.allow_private_urls to permit)");
    assertThat(Yaml.load(SOURCES + handlers + "server: { allow_private_urls: true }").handlers())
        .hasSize(3);
  }

  @Test
  void urlsMustBeAbsoluteHttp() {
    assertThat(errors(SOURCES + "handlers:\n  h: { source: app, url: 'ftp://x/y' }"))
        .containsExactly(
            "handlers.h.url: invalid URL 'ftp://x/y': must be an absolute http or https URL");
    assertThat(errors(SOURCES + "handlers:\n  h: { source: app }"))
        .containsExactly("handlers.h.url: required");
  }

  /**
   * Issue 10 item 4: such a host passed validation, but {@code URI.getHost()} is null for it, so
   * every delivery was refused.
   */
  @Test
  void aHostWithAnUnderscoreIsRefusedNamingThePath() {
    assertThat(
            errors(
                SOURCES
                    + """
                    server: { allow_private_urls: true }
                    handlers:
                      billing: { source: app, url: 'http://billing_api:8080/hook' }
                      fine: { source: app, url: 'http://billing-api:8080/hook' }
                    alerts: { url: 'https://alerts_relay.internal/qhook' }
                    """))
        .containsExactlyInAnyOrder(
            "handlers.billing.url: invalid URL 'http://billing_api:8080/hook': the host"
                + " 'billing_api' contains '_', which URLs do not allow in a host name (deliveries"
                + " to it cannot be sent); use letters, digits, '-' and '.', for example a network"
                + " alias",
            "alerts.url: invalid URL 'https://alerts_relay.internal/qhook': the host"
                + " 'alerts_relay.internal' contains '_', which URLs do not allow in a host name"
                + " (deliveries to it cannot be sent); use letters, digits, '-' and '.', for"
                + " example a network alias");
  }

  @Test
  void durationsMustUseTheDocumentedForm() {
    assertThat(errors("delivery: { timeout: 30 sec }"))
        .containsExactly(
            "delivery.timeout: invalid duration '30 sec' (examples: 500ms, 30s, 5m, 2h, 7d)");
  }

  @Test
  void typesAndRangesAreChecked() {
    assertThat(
            errors(
                """
                server: { port: 70000, trust_proxy: maybe }
                worker: { batch_size: many }
                database: { max_connections: 0 }
                """))
        .containsExactlyInAnyOrder(
            "server.port: must be between 1 and 65535, was 70000",
            "server.trust_proxy: expected true or false, was 'maybe'",
            "worker.batch_size: expected an integer, was 'many'",
            "database.max_connections: must be >= 1, was 0");
  }

  @Test
  void workerSizesAreBounded() {
    assertThat(errors("worker: { max_concurrency: 20000, batch_size: 5000 }"))
        .containsExactlyInAnyOrder(
            "worker.max_concurrency: must be between 1 and 10000, was 20000",
            "worker.batch_size: must be between 1 and 1000, was 5000");
  }

  @Test
  void maxIntervalMustNotBeBelowInterval() {
    assertThat(errors("delivery:\n  default_retry: { interval: 10m, max_interval: 1m }"))
        .containsExactly("delivery.default_retry.max_interval: must be >= interval (10m), was 1m");
    assertThat(errors("delivery:\n  default_retry: { interval: 2h }"))
        .containsExactly("delivery.default_retry.interval: must be <= max_interval (1h), was 2h");
  }

  @Test
  void retryEnumerationsAreChecked() {
    assertThat(errors("delivery:\n  default_retry: { backoff: linear, errors: [5xx, 3xx] }"))
        .containsExactlyInAnyOrder(
            "delivery.default_retry.backoff: unsupported backoff 'linear' (supported: exponential,"
                + " fixed)",
            "delivery.default_retry.errors[1]: unsupported error class '3xx' (supported: 4xx, 5xx,"
                + " timeout, network, all); did you mean '4xx'?");
  }

  @Test
  void timeoutsMustStayBelowTheStaleThreshold() {
    assertThat(
            errors(
                SOURCES
                    + """
                    delivery: { timeout: 10m }
                    handlers:
                      h: { source: app, url: 'http://h/x', timeout: 6m }
                    """))
        .containsExactlyInAnyOrder(
            "delivery.timeout: must be below worker.stale_threshold_secs (5m), was 10m",
            "handlers.h.timeout: must be below worker.stale_threshold_secs (5m), was 6m");
  }

  @Test
  void queueMustNotShareAHandlerName() {
    assertThat(
            errors(
                SOURCES
                    + """
                    handlers:
                      orders: { source: app, url: 'http://h/x' }
                    queues:
                      orders: { source: app }
                    """))
        .containsExactly("queues.orders: a queue must not have the name of a handler");
  }

  @Test
  void queueVisibilityTimeoutIsBounded() {
    assertThat(errors(SOURCES + "queues:\n  q: { source: app, visibility_timeout: 13h }"))
        .containsExactly("queues.q.visibility_timeout: must be between 1s and 12h, was 13h");
  }

  @Test
  void namesMustMatchThePattern() {
    assertThat(errors("sources:\n  'bad name': { type: event }"))
        .singleElement()
        .asString()
        .startsWith("sources.bad name: invalid name 'bad name'");
  }

  @Test
  void methodMustBeKnown() {
    assertThat(
            errors(SOURCES + "handlers:\n  h: { source: app, url: 'http://h/x', method: FETCH }"))
        .containsExactly(
            "handlers.h.method: unsupported method 'FETCH' (supported: GET, POST, PUT, PATCH,"
                + " DELETE); did you mean 'PATCH'?");
  }

  @Test
  void alertKindsAndTypeAreChecked() {
    assertThat(errors("alerts: { url: 'https://hooks.slack.com/x', type: teams, on: [dlq, dql2] }"))
        .containsExactlyInAnyOrder(
            "alerts.type: unsupported alert type 'teams' (supported: generic, slack, discord)",
            "alerts.on[1]: unsupported alert kind 'dql2' (supported: dlq, verification_failure,"
                + " circuit_opened, workflow_failed, db_unhealthy, event_ttl_expired,"
                + " endpoint_disabled, custom); did you mean 'dlq'?");
    assertThat(errors("alerts: { type: slack }")).containsExactly("alerts.url: required");
  }

  @Test
  void yamlSyntaxErrorsNameTheLine() {
    assertThat(errors("server:\n  port: [1\n"))
        .singleElement()
        .asString()
        .startsWith("<yaml>: invalid YAML:")
        .contains("line");
  }

  @Test
  void duplicateKeysAreErrors() {
    assertThat(errors("handlers:\n  a: {}\n  a: {}\n"))
        .singleElement()
        .asString()
        .contains("duplicate key");
  }

  @Test
  void unterminatedVariableIsAnError() {
    assertThat(errors("api: { auth_token: '${TOKEN' }"))
        .containsExactly("api.auth_token: unterminated '${' at column 1");
  }

  @Test
  void sourceSchemaMustBeAValidJsonSchema() {
    assertThat(errors("sources:\n  app: { type: event, schema: { type: objekt } }"))
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e).startsWith("sources.app.schema: not a valid JSON Schema"));
    assertThat(errors("sources:\n  app: { type: event, schema: '{\"required\": 3}' }"))
        .singleElement()
        .asString()
        .startsWith("sources.app.schema: not a valid JSON Schema");
    assertThat(errors("sources:\n  app: { type: event, schema: '{\"type\": ' }"))
        .singleElement()
        .asString()
        .startsWith("sources.app.schema: invalid JSON");
    assertThat(errors("sources:\n  app: { type: event, schema: '[1]' }"))
        .containsExactly("sources.app.schema: must be a JSON object (a JSON Schema)");
  }

  @Test
  void sourceSchemaAsInlineMappingOrJsonTextIsAccepted() {
    var config =
        Yaml.load(
            """
            sources:
              a: { type: event, schema: { type: object, required: [id] } }
              b: { type: webhook, schema: '{"type": "object", "required": ["id"]}' }
            """);
    assertThat(config.sources().get("a").schema()).contains("required");
    assertThat(config.sources().get("b").schema()).contains("required");
  }
}
