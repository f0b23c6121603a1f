package dev.qhook.it.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qhook.Alert;
import dev.qhook.EndpointChange;
import dev.qhook.EndpointRequest;
import dev.qhook.IngestRequest;
import dev.qhook.IngestResult;
import dev.qhook.OutboundException;
import dev.qhook.QHook;
import dev.qhook.config.AlertKind;
import dev.qhook.config.QHookConfig;
import dev.qhook.jdbc.JdbcStore;
import dev.qhook.spi.Endpoint;
import dev.qhook.spi.EndpointStatus;
import dev.qhook.spi.Job;
import dev.qhook.spi.JobKind;
import dev.qhook.spi.JobQuery;
import dev.qhook.spi.JobStatus;
import dev.qhook.testkit.ManualClock;
import dev.qhook.testkit.RecordingReceiver;
import dev.qhook.testkit.RecordingReceiver.RecordedRequest;
import dev.qhook.testkit.SignedDeliveries;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outbound webhooks through the engine's API (docs/reference/http-api.md, "Outbound endpoints"), on
 * an SQLite file, to a loopback receiver that answers the ownership challenge. Tests of retries and
 * rate limits run the engine on a {@link ManualClock} and move it.
 */
class OutboundEngineTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String CONFIG =
      """
      server: { allow_private_urls: true }
      sources:
        shop:
          type: outbound
          retry: { max: 2, backoff: fixed, interval: 100ms, jitter: false }
          timeout: 5s
          disable_after: DISABLE_AFTER
      """;

  @TempDir Path dir;
  private final RecordingReceiver receiver = RecordingReceiver.start().answerChallenges();
  private final List<Alert> alerts = new CopyOnWriteArrayList<>();
  private final ManualClock clock = new ManualClock(Instant.parse("2026-12-07T10:00:00Z"));
  private QHook qhook;

  private QHook start(String yaml) {
    return start(yaml, Clock.systemUTC());
  }

  /** The engine on {@link #clock}, which the test moves. */
  private QHook startOnTheClock(String yaml) {
    return start(yaml, clock);
  }

  private QHook start(String yaml, Clock engineClock) {
    qhook =
        QHook.builder()
            .config(QHookConfig.fromYaml(yaml))
            .store(
                JdbcStore.sqlite(
                    dir.resolve("qhook.db"), JdbcStore.DEFAULT_SQLITE_READERS, engineClock))
            .clock(engineClock)
            .alertSink(alerts::add)
            .build();
    qhook.start();
    return qhook;
  }

  private QHook start() {
    return start(CONFIG.replace("DISABLE_AFTER", "5d"));
  }

  @AfterEach
  void stop() {
    if (qhook != null) {
      qhook.close();
    }
    receiver.close();
  }

  @Test
  void deliversSignedEventsToTheEndpointsSubscribedToTheirType() {
    start();
    Endpoint endpoint = qhook.outbound().createEndpoint(EndpointRequest.of("shop", url()));
    qhook.outbound().subscribe(endpoint.id(), List.of("order.*"));
    Endpoint other = qhook.outbound().createEndpoint(EndpointRequest.of("shop", url()));
    qhook.outbound().subscribe(other.id(), List.of("invoice.paid"));

    IngestResult order = send("order.created", "{\"id\":1}");
    IngestResult unmatched = send("customer.created", "{\"id\":2}");

    assertThat(order.jobsCreated()).isEqualTo(1);
    assertThat(unmatched.jobsCreated()).isZero();
    RecordedRequest got = receiver.awaitDeliveries(1, WAIT).get(0);
    Job job = awaitOnlyJob(order.eventId(), JobStatus.COMPLETED);
    assertThat(job.kind()).isEqualTo(JobKind.OUTBOUND);
    assertThat(job.target()).isEqualTo(endpoint.id());
    assertThat(got.method()).isEqualTo("POST");
    assertThat(got.bodyText()).isEqualTo("{\"id\":1}");
    assertThat(got.header("content-type")).isEqualTo("application/json");
    assertThat(got.header("webhook-id")).isEqualTo(job.id());
    assertThat(got.header("x-qhook-event-id")).isEqualTo(order.eventId());
    assertThat(got.header("x-qhook-event-type")).isEqualTo("order.created");
    assertThat(SignedDeliveries.signatures(got)).hasSize(1);
    assertThat(SignedDeliveries.verifies(got, endpoint.secret())).isTrue();
    assertThat(SignedDeliveries.verifies(got, other.secret())).isFalse();
  }

  @Test
  void aFilteredSubscriptionReceivesOnlyTheEventsItsFilterMatches() {
    start();
    Endpoint big = qhook.outbound().createEndpoint(EndpointRequest.of("shop", url()));
    qhook.outbound().subscribe(big.id(), List.of("order.*"), "$.amount > 100");

    IngestResult small = send("order.created", "{\"amount\":5}");
    IngestResult notJson = send("order.created", "amount=500");
    IngestResult matching = send("order.created", "{\"amount\":150}");

    assertThat(small.jobsCreated()).isZero();
    assertThat(notJson.jobsCreated()).isZero();
    assertThat(matching.jobsCreated()).isEqualTo(1);
    RecordedRequest got = receiver.awaitDeliveries(1, WAIT).get(0);
    assertThat(got.bodyText()).isEqualTo("{\"amount\":150}");
    assertThat(awaitOnlyJob(matching.eventId(), JobStatus.COMPLETED).target()).isEqualTo(big.id());
    assertThatThrownBy(() -> qhook.outbound().subscribe(big.id(), List.of("x"), "$.amount >"))
        .isInstanceOfSatisfying(
            OutboundException.class,
            e -> assertThat(e.reason()).isEqualTo(OutboundException.Reason.INVALID));
  }

  @Test
  void anEndpointsOwnRetryBlockReplacesTheSources() {
    startOnTheClock(CONFIG.replace("DISABLE_AFTER", "5d"));
    EndpointRequest request = EndpointRequest.of("shop", url());
    Endpoint own =
        qhook.outbound().createEndpoint(request.withRetry(Map.of("max", 4, "interval", "50ms")));
    qhook.outbound().subscribe(own.id(), List.of("order.*"));
    receiver.respondByDefault(RecordingReceiver.Response.status(503));

    IngestResult result = send("order.created", "{}");

    Job dead = awaitOnlyJobThroughRetries(result.eventId(), JobStatus.DEAD);
    assertThat(dead.maxAttempts()).isEqualTo(4);
    assertThat(dead.attempt()).isEqualTo(4);
    assertThat(receiver.deliveries()).hasSize(4);
    assertThat(qhook.outbound().endpoint(own.id()).orElseThrow().retry())
        .contains("\"max\":4", "\"backoff\":\"fixed\"", "\"interval\":\"50ms\"");
  }

  @Test
  void sendsTheEndpointsOwnHeadersAndRefusesOnesQhookSets() {
    start();
    Endpoint endpoint =
        qhook
            .outbound()
            .createEndpoint(
                EndpointRequest.of("shop", url())
                    .withHeaders(java.util.Map.of("Authorization", "Bearer customer-token")));
    qhook.outbound().subscribe(endpoint.id(), List.of("*"));

    send("order.created", "{}");

    RecordedRequest got = receiver.awaitDeliveries(1, WAIT).get(0);
    assertThat(got.header("authorization")).isEqualTo("Bearer customer-token");
    assertThat(SignedDeliveries.verifies(got, endpoint.secret())).isTrue();
    for (String reserved : List.of("webhook-signature", "X-Qhook-Event-ID", "Host", "bad name")) {
      assertThatThrownBy(
              () ->
                  qhook
                      .outbound()
                      .updateEndpoint(
                          endpoint.id(),
                          new EndpointChange(
                              null, null, null, null, java.util.Map.of(reserved, "x"), null)))
          .as(reserved)
          .isInstanceOfSatisfying(
              OutboundException.class,
              e -> assertThat(e.reason()).isEqualTo(OutboundException.Reason.INVALID));
    }
  }

  @Test
  void anEndpointsRateLimitSpacesItsDeliveriesWithoutFailingAny() {
    startOnTheClock(CONFIG.replace("DISABLE_AFTER", "5d"));
    Endpoint endpoint =
        qhook.outbound().createEndpoint(EndpointRequest.of("shop", url()).withRateLimit(2.0));
    qhook.outbound().subscribe(endpoint.id(), List.of("*"));

    List<String> events = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      events.add(send("order.created", "{\"n\":" + i + "}").eventId());
    }

    // A burst of 2, then one every 500 ms of the engine's clock.
    assertThat(receiver.awaitDeliveries(2, WAIT)).hasSize(2);
    for (int delivered = 3; delivered <= 5; delivered++) {
      awaitNoneRunning();
      clock.advance(Duration.ofMillis(500));
      assertThat(receiver.awaitDeliveries(delivered, WAIT)).hasSize(delivered);
    }
    events.forEach(id -> assertThat(awaitOnlyJob(id, JobStatus.COMPLETED).attempt()).isEqualTo(1));
  }

  @Test
  void creatingAnEndpointSendsASignedChallengeAndStoresNothingWithoutTheEcho() {
    start();
    Endpoint endpoint = qhook.outbound().createEndpoint(EndpointRequest.of("shop", url()));
    RecordedRequest challenge = receiver.requests().get(0);
    assertThat(challenge.header("x-qhook-event-type")).isEqualTo("qhook.endpoint.verify");
    assertThat(challenge.bodyText())
        .matches("\\{\"type\":\"qhook.endpoint.verify\",\"challenge\":\"[0-9a-f]{32}\"}");
    assertThat(SignedDeliveries.verifies(challenge, endpoint.secret())).isTrue();
    assertThat(endpoint.secret()).matches("whsec_[A-Za-z0-9+/]{43}=");

    try (RecordingReceiver silent = RecordingReceiver.start()) {
      silent.respondWith(204);
      assertThatThrownBy(
              () -> qhook.outbound().createEndpoint(EndpointRequest.of("shop", silent.url("/x"))))
          .isInstanceOfSatisfying(
              OutboundException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(OutboundException.Reason.VERIFICATION_FAILED);
                assertThat(e.details()).contains("HTTP 204");
              });
      assertThatThrownBy(
              () ->
                  qhook
                      .outbound()
                      .updateEndpoint(endpoint.id(), EndpointChange.url(silent.url("/x"))))
          .isInstanceOf(OutboundException.class);
    }
    assertThat(qhook.outbound().endpoints(dev.qhook.spi.EndpointQuery.of("shop")).items())
        .extracting(Endpoint::id)
        .containsExactly(endpoint.id());
    assertThat(qhook.outbound().endpoint(endpoint.id()).orElseThrow().url()).isEqualTo(url());
  }

  @Test
  void refusesPrivateAddressesAtCreationUnlessAllowed() {
    start(
        """
        sources:
          shop: { type: outbound }
        """);
    assertThatThrownBy(() -> qhook.outbound().createEndpoint(EndpointRequest.of("shop", url())))
        .isInstanceOfSatisfying(
            OutboundException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(OutboundException.Reason.INVALID);
              assertThat(e.getMessage()).contains("private address");
            });
    assertThat(receiver.requests()).isEmpty();
  }

  @Test
  void duringARotationGraceBothSecretsSignAndAfterItOnlyTheNewOne() {
    start();
    Endpoint endpoint = qhook.outbound().createEndpoint(EndpointRequest.of("shop", url()));
    qhook.outbound().subscribe(endpoint.id(), List.of("*"));

    Endpoint rotated = qhook.outbound().rotateSecret(endpoint.id(), Duration.ofHours(1));
    send("order.created", "{}");
    RecordedRequest during = receiver.awaitDeliveries(1, WAIT).get(0);
    assertThat(SignedDeliveries.signatures(during)).hasSize(2);
    assertThat(SignedDeliveries.verifies(during, rotated.secret())).isTrue();
    assertThat(SignedDeliveries.verifies(during, endpoint.secret())).isTrue();
    assertThat(rotated.previousSecretExpiresAt()).isAfter(Instant.now().plusSeconds(3500));

    Endpoint again = qhook.outbound().rotateSecret(endpoint.id(), Duration.ZERO);
    send("order.created", "{}");
    RecordedRequest after = receiver.awaitDeliveries(2, WAIT).get(1);
    assertThat(SignedDeliveries.signatures(after)).hasSize(1);
    assertThat(SignedDeliveries.verifies(after, again.secret())).isTrue();
    assertThat(SignedDeliveries.verifies(after, rotated.secret())).isFalse();
    assertThat(again.previousSecret()).isNull();
  }

  @Test
  void anEndpointFailingLongerThanDisableAfterIsDisabledAndItsDeadJobsRecover() {
    startOnTheClock(CONFIG.replace("DISABLE_AFTER", "1ms"));
    Endpoint endpoint = qhook.outbound().createEndpoint(EndpointRequest.of("shop", url()));
    qhook.outbound().subscribe(endpoint.id(), List.of("order.*"));
    receiver.respondByDefault(RecordingReceiver.Response.status(500));

    IngestResult first = send("order.created", "{\"n\":1}");
    Job dead = awaitOnlyJobThroughRetries(first.eventId(), JobStatus.DEAD);
    Endpoint disabled = qhook.outbound().endpoint(endpoint.id()).orElseThrow();
    assertThat(disabled.status()).isEqualTo(EndpointStatus.DISABLED);
    assertThat(disabled.disabledReason()).isEqualTo("auto");
    assertThat(disabled.failingSince()).isNotNull();
    Awaitility.await()
        .atMost(WAIT)
        .until(() -> alerts.stream().anyMatch(a -> a.kind() == AlertKind.ENDPOINT_DISABLED));
    assertThat(send("order.created", "{\"n\":2}").jobsCreated()).isZero();
    assertThatThrownBy(() -> qhook.outbound().recover(endpoint.id(), Instant.EPOCH, null))
        .isInstanceOfSatisfying(
            OutboundException.class,
            e -> assertThat(e.reason()).isEqualTo(OutboundException.Reason.CONFLICT));

    Endpoint enabled =
        qhook
            .outbound()
            .updateEndpoint(endpoint.id(), EndpointChange.status(EndpointStatus.ACTIVE));
    assertThat(enabled.failingSince()).isNull();
    assertThat(enabled.disabledReason()).isNull();
    receiver.respondByDefault(RecordingReceiver.Response.status(200));
    int before = receiver.deliveries().size();
    assertThat(qhook.outbound().recover(endpoint.id(), Instant.EPOCH, null)).isEqualTo(1);

    Job recovered = awaitOnlyJob(first.eventId(), JobStatus.COMPLETED);
    assertThat(recovered.id()).isEqualTo(dead.id());
    assertThat(recovered.attempt()).isEqualTo(1);
    RecordedRequest redelivered = receiver.awaitDeliveries(before + 1, WAIT).get(before);
    assertThat(redelivered.header("webhook-id")).isEqualTo(dead.id());
  }

  @Test
  void anEndpointsBreakerOpensAfterFiveFailedAttemptsWithACircuitOpenedAlert() {
    start();
    Endpoint endpoint = qhook.outbound().createEndpoint(EndpointRequest.of("shop", url()));
    qhook.outbound().subscribe(endpoint.id(), List.of("order.*"));
    receiver.respondByDefault(RecordingReceiver.Response.status(500));

    for (int i = 0; i < 3; i++) {
      send("order.created", "{}"); // two attempts each
    }

    Awaitility.await()
        .atMost(WAIT)
        .until(() -> alerts.stream().anyMatch(a -> a.kind() == AlertKind.CIRCUIT_OPENED));
    assertThat(alerts)
        .filteredOn(a -> a.kind() == AlertKind.CIRCUIT_OPENED)
        .singleElement()
        .satisfies(
            a -> assertThat(a.fields()).containsEntry("handler", "outbound/" + endpoint.id()));
  }

  @Test
  void pendingJobsOfADisabledEndpointGoDeadWhenClaimed() {
    // Retries 1 s apart, so the endpoint is disabled before the second attempt is due.
    startOnTheClock(
        CONFIG
            .replace("DISABLE_AFTER", "5d")
            .replace(
                "max: 2, backoff: fixed, interval: 100ms", "max: 3, backoff: fixed, interval: 1s"));
    Endpoint endpoint = qhook.outbound().createEndpoint(EndpointRequest.of("shop", url()));
    qhook.outbound().subscribe(endpoint.id(), List.of("order.*"));
    receiver.respondByDefault(RecordingReceiver.Response.status(503));
    IngestResult result = send("order.created", "{}");
    Awaitility.await()
        .atMost(WAIT)
        .until(() -> onlyJob(result.eventId()).status() == JobStatus.RETRYABLE);

    qhook.outbound().updateEndpoint(endpoint.id(), EndpointChange.status(EndpointStatus.DISABLED));

    Job dead = awaitOnlyJobThroughRetries(result.eventId(), JobStatus.DEAD);
    assertThat(dead.lastError()).isEqualTo("endpoint disabled");
    assertThat(qhook.outbound().endpoint(endpoint.id()).orElseThrow().disabledReason())
        .isEqualTo("manual");
  }

  private String url() {
    return receiver.url("/hooks");
  }

  private IngestResult send(String type, String json) {
    return qhook.ingest(IngestRequest.of("shop", type, json));
  }

  private Job onlyJob(String eventId) {
    List<Job> jobs = qhook.admin().jobs(JobQuery.forEvent(eventId)).items();
    assertThat(jobs).hasSize(1);
    return jobs.get(0);
  }

  private Job awaitOnlyJob(String eventId, JobStatus status) {
    Awaitility.await().atMost(WAIT).until(() -> onlyJob(eventId).status() == status);
    return onlyJob(eventId);
  }

  /**
   * Waits until the event's only job is in {@code status}, moving {@link #clock} to its retry each
   * time it waits for one.
   */
  private Job awaitOnlyJobThroughRetries(String eventId, JobStatus status) {
    Awaitility.await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(10))
        .until(
            () -> {
              Job job = onlyJob(eventId);
              if (job.status() == status) {
                return true;
              }
              if (job.status() == JobStatus.RETRYABLE
                  && job.scheduledAt().isAfter(clock.instant())) {
                clock.set(job.scheduledAt());
              }
              return false;
            });
    return onlyJob(eventId);
  }

  /** Waits until no delivery holds a lease, so that moving the clock lapses none. */
  private void awaitNoneRunning() {
    Awaitility.await()
        .atMost(WAIT)
        .until(
            () ->
                qhook.admin().jobs(JobQuery.all()).items().stream()
                    .noneMatch(j -> j.status() == JobStatus.RUNNING));
  }
}
