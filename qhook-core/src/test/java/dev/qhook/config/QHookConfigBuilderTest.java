package dev.qhook.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Building a config in code: the builders, and validation by the same rules as a config file, with
 * the same paths and messages.
 */
class QHookConfigBuilderTest {
  private static final SourceConfig GITHUB =
      SourceConfig.webhook("github").verify("github").secret("s3cret").build();

  @Test
  void buildsAWebhookSourceAndAHandler() {
    QHookConfig config =
        QHookConfig.builder()
            .source(GITHUB)
            .handler(
                HandlerConfig.builder("billing")
                    .source("github")
                    .url("https://billing.example.com/hooks")
                    .events("push")
                    .build())
            .build();

    assertThat(config.sources().get("github").secrets()).containsExactly("s3cret");
    HandlerConfig billing = config.handlers().get("billing");
    assertThat(billing.events()).containsExactly("push");
    assertThat(billing.method()).isEqualTo("POST");
    assertThat(billing.retry()).isEqualTo(RetryPolicy.DEFAULT);
    assertThat(billing.timeout()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void codeAndTheEquivalentYamlGiveEqualConfigs() {
    QHookConfig fromCode =
        QHookConfig.builder()
            .server(ServerConfig.builder().host("127.0.0.1").port(9000).build())
            .api(new ApiConfig("tok", null))
            .source(GITHUB)
            .source(SourceConfig.event("app").schema("{\"type\":\"object\"}").build())
            .handler(
                HandlerConfig.builder("billing")
                    .source("github")
                    .url("https://billing.example.com/hooks")
                    .events("push", "pull_request.*")
                    .method("put")
                    .header("X-Team", "billing")
                    .filter("$.paid == true")
                    .idempotencyKey("$.id")
                    .retry(
                        RetryPolicy.builder()
                            .maxAttempts(8)
                            .backoff(Backoff.FIXED)
                            .interval(Duration.ofSeconds(5))
                            .maxInterval(Duration.ofMinutes(5))
                            .jitter(false)
                            .errors(ErrorClass.SERVER_ERROR, ErrorClass.TIMEOUT)
                            .build())
                    .timeout(Duration.ofSeconds(10))
                    .rateLimit(2.5)
                    .maxConcurrency(1)
                    .build())
            .alerts(new AlertsConfig("https://alerts.example.com/x"))
            .build();

    QHookConfig fromYaml =
        yaml(
            """
            server: { host: 127.0.0.1, port: 9000 }
            api: { auth_token: tok }
            sources:
              github: { type: webhook, verify: github, secret: s3cret }
              app: { type: event, schema: { type: object } }
            handlers:
              billing:
                source: github
                url: https://billing.example.com/hooks
                events: [push, pull_request.*]
                method: PUT
                headers: { X-Team: billing }
                filter: '$.paid == true'
                idempotency_key: '$.id'
                retry: { max: 8, backoff: fixed, interval: 5s, max_interval: 5m, jitter: false,
                         errors: [5xx, timeout] }
                timeout: 10s
                rate_limit: 2.5
                max_concurrency: 1
            alerts: { url: 'https://alerts.example.com/x' }
            """);

    assertThat(fromCode).isEqualTo(fromYaml);
  }

  @Test
  void aLoadedConfigRebuildsUnchanged() {
    QHookConfig loaded =
        yaml(
            """
            database: { url: 'postgres://u:p@db:5432/q', max_connections: 4 }
            server: { host: 127.0.0.1, port: 9000, public_url: 'https://hooks.example.com',
                      max_body_size: 2048, max_inbound: 5, ip_rate_limit: 20, trust_proxy: true }
            api: { auth_token: t, metrics_auth_token: m }
            delivery:
              timeout: 10s
              event_ttl: 1d
              signing_secret: whsec_abc
              default_retry: { max: 7, backoff: fixed, interval: 5s, max_interval: 5m,
                               jitter: false, errors: [5xx, timeout] }
            worker: { max_concurrency: 3, batch_size: 2, stale_threshold_secs: 60,
                      drain_timeout_secs: 5, retention_hours: 24 }
            retention: { events: 14d }
            sources:
              gh: { type: webhook, verify: twilio, secret: [old, new], tolerance: 60s,
                    public_url: 'https://hooks.example.com/twilio',
                    allowed_ips: ['10.0.0.0/8'], schema: { type: object } }
              app: { type: event }
              topic: { type: sns, skip_verify: true }
            handlers:
              a: { source: app, url: 'https://a.example.com/x' }
              b: { source: gh, url: 'https://b.example.com/x', method: delete, events: ['x.*'],
                   transform: '{"id": {{ $.id }}}', ordering_key: '$.customer',
                   retry: { max: 2 }, timeout: 20s }
            alerts: { url: 'https://alerts.example.com/x', type: slack, on: [dlq, custom] }
            """);

    assertThat(loaded.toBuilder().build()).isEqualTo(loaded);
  }

  @Test
  void problemsNameTheSamePathsAsInAFile() {
    assertSameProblems(
        QHookConfig.builder()
            .source(GITHUB)
            .handler(
                HandlerConfig.builder("billing")
                    .source("githb")
                    .url("http://10.0.0.7/hook")
                    .method("FETCH")
                    .filter("$.paid ==")
                    .retry(
                        RetryPolicy.builder()
                            .interval(Duration.ofMinutes(10))
                            .maxInterval(Duration.ofMinutes(1))
                            .build())
                    .build()),
        """
        sources:
          github: { type: webhook, verify: github, secret: s3cret }
        handlers:
          billing:
            source: githb
            url: http://10.0.0.7/hook
            method: FETCH
            filter: '$.paid =='
            retry: { interval: 10m, max_interval: 1m }
        """,
        "handlers.billing.url: private address not allowed: http://10.0.0.7/hook (set"
            + " server.allow_private_urls to permit)",
        "handlers.billing.source: unknown source 'githb' (did you mean 'github'?)",
        "handlers.billing.retry.max_interval: must be >= interval (10m), was 1m");
  }

  @Test
  void missingSourceAndUrlAreRequired() {
    assertThat(problems(QHookConfig.builder().handler(HandlerConfig.builder("h").build())))
        .containsExactly("handlers.h.url: required", "handlers.h.source: required");
  }

  @Test
  void sourceKeysMustFitTheTypeAndVerifyNeedsASecret() {
    assertSameProblems(
        QHookConfig.builder()
            .source(SourceConfig.webhook("gh").verify("github").build())
            .source(SourceConfig.event("app").skipVerify(true).build()),
        """
        sources:
          gh: { type: webhook, verify: github }
          app: { type: event, skip_verify: true }
        """,
        "sources.gh.secret: required when 'verify' is set",
        "sources.app.skip_verify: not valid for a 'event' source");
  }

  @Test
  void timeoutsStayBelowTheStaleThreshold() {
    assertThat(
            problems(
                QHookConfig.builder()
                    .worker(
                        new WorkerConfig(
                            10,
                            10,
                            Duration.ofMinutes(1),
                            Duration.ofSeconds(30),
                            Duration.ofHours(72)))
                    .delivery(
                        new DeliveryConfig(Duration.ofSeconds(10), RetryPolicy.DEFAULT, null, null))
                    .source(GITHUB)
                    .handler(
                        HandlerConfig.builder("h")
                            .source("github")
                            .url("https://h.example.com/x")
                            .timeout(Duration.ofMinutes(2))
                            .build())))
        .containsExactly(
            "handlers.h.timeout: must be below worker.stale_threshold_secs (1m), was 2m");
  }

  @Test
  void durationsTheConfigCannotWriteAreInvalid() {
    assertThat(
            problems(
                QHookConfig.builder()
                    .retention(new RetentionConfig(Duration.ofSeconds(-1)))
                    .server(ServerConfig.builder().port(0).build())))
        .containsExactly(
            "server.port: must be between 1 and 65535, was 0",
            "retention.events: invalid duration 'PT-1S' (examples: 500ms, 30s, 5m, 2h, 7d)");
  }

  @Test
  void mysqlAndCronSourcesAreNoLongerRefused() {
    QHookConfig.Builder builder =
        QHookConfig.builder()
            .database(new DatabaseConfig(DatabaseDriver.MYSQL, "mysql://u:p@h/db", 10))
            .source(
                SourceConfig.builder("nightly", SourceType.CRON)
                    .schedule("0 3 * * *")
                    .timezone(ZoneId.of("Europe/Berlin"))
                    .build());

    QHookConfig config = builder.build();

    assertThat(config.database().driver()).isEqualTo(DatabaseDriver.MYSQL);
    assertThat(config.sources()).containsKey("nightly");
  }

  @Test
  void queuesOfAConfigMadeWithTheConstructorAreValidatedAsInAFile() {
    QHookConfig d = QHookConfig.defaults();
    QHookConfig withQueue =
        new QHookConfig(
            d.database(),
            d.server(),
            d.api(),
            d.delivery(),
            d.worker(),
            d.retention(),
            Map.of(),
            Map.of(),
            Map.of(
                "jobs",
                new QueueConfig(
                    "jobs",
                    "app",
                    List.of(),
                    null,
                    null,
                    null,
                    Duration.ofSeconds(30),
                    5,
                    RetryPolicy.DEFAULT,
                    null)),
            Map.of(),
            null);

    assertThat(problems(withQueue.toBuilder()))
        .containsExactly("queues.jobs.source: unknown source 'app' (none defined)");
  }

  @Test
  void buildNormalisesAsLoadingDoesAndLaterEntriesReplaceEarlierOnes() {
    QHookConfig config =
        QHookConfig.builder()
            .source(GITHUB)
            .handler(
                HandlerConfig.builder("h").source("github").url("https://old.example.com").build())
            .handler(
                HandlerConfig.builder("h")
                    .source("github")
                    .url("https://new.example.com")
                    .method("patch")
                    .build())
            .build();

    assertThat(config.handlers()).hasSize(1);
    assertThat(config.handlers().get("h").url()).isEqualTo("https://new.example.com");
    assertThat(config.handlers().get("h").method()).isEqualTo("PATCH");
  }

  @Test
  void warningsAreReachableFromTheConfig() {
    QHookConfig open = QHookConfig.builder().build();
    QHookConfig guarded =
        QHookConfig.builder()
            .api(new ApiConfig("tok", null))
            .server(ServerConfig.builder().allowPrivateUrls(true).build())
            .build();

    assertThat(open.warnings()).singleElement().asString().startsWith("WARNING: api.auth_token");
    assertThat(guarded.warnings())
        .singleElement()
        .asString()
        .startsWith("server.allow_private_urls is true");
  }

  private static QHookConfig yaml(String yaml) {
    return ConfigLoader.builder().environment(Map.of()).build().fromYaml(yaml).config();
  }

  private static void assertSameProblems(
      QHookConfig.Builder code, String yaml, String... expected) {
    List<String> fromYaml =
        catchThrowableOfType(ConfigException.class, () -> yaml(yaml)).problems().stream()
            .map(ConfigProblem::toString)
            .toList();

    assertThat(problems(code)).containsExactlyInAnyOrderElementsOf(fromYaml);
    assertThat(fromYaml).contains(expected);
  }

  private static List<String> problems(QHookConfig.Builder builder) {
    ConfigException e = catchThrowableOfType(ConfigException.class, builder::build);
    assertThat(e).as("expected the config to be invalid").isNotNull();
    return e.problems().stream().map(ConfigProblem::toString).toList();
  }
}
