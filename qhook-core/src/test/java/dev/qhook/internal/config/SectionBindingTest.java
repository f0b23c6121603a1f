package dev.qhook.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.config.AlertKind;
import dev.qhook.config.AlertType;
import dev.qhook.config.Backoff;
import dev.qhook.config.CallbackStep;
import dev.qhook.config.DatabaseDriver;
import dev.qhook.config.ErrorClass;
import dev.qhook.config.MapStep;
import dev.qhook.config.ParallelStep;
import dev.qhook.config.QHookConfig;
import dev.qhook.config.SourceType;
import dev.qhook.config.SubWorkflowStep;
import dev.qhook.config.WaitStep;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * Every section binds its keys into the records. Sections the engine does not run yet (outbound
 * sources, workflows) are bound below the step that refuses them.
 */
class SectionBindingTest {
  @Test
  void globalSections() {
    QHookConfig c =
        Yaml.load(
            """
            database: { url: 'postgres://u:p@db:5432/q', max_connections: 4 }
            server: { host: 127.0.0.1, port: 9000, public_url: 'https://hooks.example.com',
                      max_body_size: 2048, max_inbound: 5, ip_rate_limit: 20, trust_proxy: true,
                      skip_endpoint_verification: true }
            api: { auth_token: t, metrics_auth_token: m }
            delivery:
              timeout: 10s
              event_ttl: 1d
              signing_secret: whsec_abc
              default_retry: { max: 0, backoff: fixed, interval: 5s, max_interval: 5m,
                               jitter: false, errors: [5xx, timeout] }
            worker: { max_concurrency: 3, batch_size: 2, stale_threshold_secs: 60,
                      drain_timeout_secs: 5, retention_hours: 24 }
            retention: { events: 14d }
            alerts: { url: 'https://alerts.example.com/x', type: discord, on: [dlq, custom] }
            """);

    assertThat(c.database().driver()).isEqualTo(DatabaseDriver.POSTGRES);
    assertThat(c.database().maxConnections()).isEqualTo(4);
    assertThat(c.server().port()).isEqualTo(9000);
    assertThat(c.server().publicUrl()).isEqualTo("https://hooks.example.com");
    assertThat(c.server().maxBodySize()).isEqualTo(2048);
    assertThat(c.server().trustProxy()).isTrue();
    assertThat(c.api().authToken()).isEqualTo("t");
    assertThat(c.delivery().timeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(c.delivery().eventTtl()).isEqualTo(Duration.ofDays(1));
    assertThat(c.delivery().defaultRetry().maxAttempts()).isEqualTo(1);
    assertThat(c.delivery().defaultRetry().backoff()).isEqualTo(Backoff.FIXED);
    assertThat(c.delivery().defaultRetry().errors())
        .containsExactlyInAnyOrder(ErrorClass.SERVER_ERROR, ErrorClass.TIMEOUT);
    assertThat(c.worker().staleThreshold()).isEqualTo(Duration.ofSeconds(60));
    assertThat(c.worker().jobRetention()).isEqualTo(Duration.ofHours(24));
    assertThat(c.retention().events()).isEqualTo(Duration.ofDays(14));
    assertThat(c.alerts().type()).isEqualTo(AlertType.DISCORD);
    assertThat(c.alerts().on()).containsExactlyInAnyOrder(AlertKind.DLQ, AlertKind.CUSTOM);
  }

  @Test
  void sourcesOfEveryType() {
    BoundConfig c =
        Yaml.bind(
            """
            delivery: { default_retry: { max: 7 } }
            sources:
              gh: { type: webhook, verify: github, secret: [old, new], tolerance: 60s,
                    allowed_ips: ['10.0.0.0/8'], schema: { type: object } }
              app: { type: event, schema: '{"type":"object"}' }
              topic: { type: sns, skip_verify: true }
              nightly: { type: cron, schedule: '0 3 * * *', timezone: Europe/Berlin }
              out: { type: outbound, retry: { interval: 1m }, timeout: 5s,
                     rotation_grace: 1h, disable_after: 2d }
            """);

    assertThat(c.sources().keySet()).containsExactly("gh", "app", "topic", "nightly", "out");
    assertThat(c.sources().get("gh").secrets()).containsExactly("old", "new");
    assertThat(c.sources().get("gh").schema()).isEqualTo("{\"type\":\"object\"}");
    assertThat(c.sources().get("gh").tolerance()).isEqualTo(Duration.ofSeconds(60));
    assertThat(c.sources().get("topic").skipVerify()).isTrue();
    assertThat(c.sources().get("nightly").type()).isEqualTo(SourceType.CRON);
    assertThat(c.sources().get("nightly").timezone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    var out = c.sources().get("out");
    assertThat(out.retry().maxAttempts()).isEqualTo(7);
    assertThat(out.retry().interval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(out.timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(out.disableAfter()).isEqualTo(Duration.ofDays(2));
  }

  @Test
  void handlersAndQueues() {
    BoundConfig c =
        Yaml.bind(
            """
            sources:
              app: { type: event }
            handlers:
              h: { source: app, url: 'https://h.example.com/x', method: put, events: ['order.*'],
                   headers: { X-Team: billing }, filter: '$.paid == true', transform: '{"id": {{ $.id }}}',
                   rate_limit: 2.5, max_concurrency: 1, ordering_key: '$.customer', timeout: 20s }
            queues:
              q: { source: app, visibility_timeout: 2m, retry: { max: 4 }, api_key: k }
            """);

    var h = c.handlers().get("h");
    assertThat(h.method()).isEqualTo("PUT");
    assertThat(h.headers()).containsEntry("X-Team", "billing");
    assertThat(h.rateLimit()).isEqualTo(2.5);
    assertThat(h.maxConcurrency()).isEqualTo(1);
    assertThat(h.timeout()).isEqualTo(Duration.ofSeconds(20));
    var q = c.queues().get("q");
    assertThat(q.visibilityTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(q.maxAttempts()).isEqualTo(4);
    assertThat(q.apiKey()).isEqualTo("k");
  }

  @Test
  void stepsOfEveryType() {
    BoundConfig c =
        Yaml.bind(
            """
            sources:
              app: { type: event }
            workflows:
              child:
                source: app
                steps: [{ name: only, url: 'https://c.example.com/x' }]
              parent:
                source: app
                steps:
                  - name: fan
                    type: parallel
                    result_path: null
                    branches:
                      - { name: a, url: 'https://a.example.com/x' }
                      - { name: b, url: 'https://b.example.com/x', method: PATCH }
                  - { name: each, type: map, url: 'https://m.example.com/x', items_path: '$.items',
                      max_concurrency: 3 }
                  - { name: pause, type: wait, timestamp_path: '$.at' }
                  - { name: hold, type: callback, callback_timeout: 1h }
                  - { name: sub, type: workflow, workflow: child, timeout: 1m, end: true }
            """);

    var steps = c.workflows().get("parent").steps();
    ParallelStep fan = (ParallelStep) steps.get(0);
    assertThat(fan.branches()).hasSize(2);
    assertThat(fan.branches().get(1).call().method()).isEqualTo("PATCH");
    assertThat(fan.output().discardsResult()).isTrue();
    assertThat(((MapStep) steps.get(1)).maxConcurrency()).isEqualTo(3);
    assertThat(((WaitStep) steps.get(2)).timestampPath()).isEqualTo("$.at");
    CallbackStep hold = (CallbackStep) steps.get(3);
    assertThat(hold.notification()).isNull();
    assertThat(hold.callbackTimeout()).isEqualTo(Duration.ofHours(1));
    assertThat(hold.failure().timeout()).isEqualTo(Duration.ofSeconds(30));
    SubWorkflowStep sub = (SubWorkflowStep) steps.get(4);
    assertThat(sub.workflow()).isEqualTo("child");
    assertThat(sub.failure().timeout()).isEqualTo(Duration.ofMinutes(1));
    assertThat(sub.flow().end()).isTrue();
  }
}
