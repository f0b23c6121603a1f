package dev.qhook.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.Alert;
import dev.qhook.config.AlertKind;
import dev.qhook.config.QHookConfig;
import dev.qhook.internal.metrics.EngineMetrics;
import dev.qhook.internal.time.StepClock;
import dev.qhook.internal.time.Timers;
import dev.qhook.memory.InMemoryStore;
import dev.qhook.spi.ClaimRequest;
import dev.qhook.spi.Event;
import dev.qhook.spi.JobKind;
import dev.qhook.spi.NewEvent;
import dev.qhook.spi.NewJob;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Jobs the periodic tasks make dead are dead letters like any other: they count in {@code
 * qhook_dlq_total} and raise alerts (docs/reference/configuration.md, "alerts").
 */
class MaintenanceTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private final HandClock clock = new HandClock(T0);
  private final InMemoryStore store = new InMemoryStore(clock);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final List<Alert> alerts = new CopyOnWriteArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();

  private Maintenance maintenance(String yaml) {
    return new Maintenance(
        store,
        clock,
        QHookConfig.fromYaml(yaml),
        () -> {},
        new EngineMetrics(registry),
        alerts::add,
        Timers.of(clock));
  }

  private static final String CONFIG =
      """
      server: { allow_private_urls: true }
      delivery: { event_ttl: 1h }
      sources:
        app: { type: event }
      handlers:
        billing: { source: app, url: "http://127.0.0.1:9/billing" }
        shipping: { source: app, url: "http://127.0.0.1:9/shipping" }
      """;

  private String append(String handler, int maxAttempts) {
    return append(store, handler, maxAttempts);
  }

  private String append(InMemoryStore store, String handler, int maxAttempts) {
    String n = String.format("%025d", ids.incrementAndGet());
    Event event = new Event("E" + n, "app", "order.created", new byte[0], Map.of(), null, T0);
    NewJob job = new NewJob("J" + n, JobKind.HANDLER, handler, null, maxAttempts, T0, null);
    store.append(List.of(new NewEvent(event, List.of(job))));
    return job.id();
  }

  private double dlq(String handler) {
    var counter = registry.find("qhook.dlq").tag("handler", handler).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void aJobLostOnItsFinalAttemptCountsAsADeadLetterAndRaisesADlqAlert() {
    Maintenance maintenance = maintenance(CONFIG);
    String jobId = append("billing", 1);
    store.claim(new ClaimRequest(T0, 10, T0.plusSeconds(60), Set.of(), Map.of()));
    clock.set(T0.plusSeconds(61));

    maintenance.recoverLostJobs();

    assertThat(dlq("billing")).isEqualTo(1);
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(AlertKind.DLQ);
              assertThat(a.subject()).isEqualTo("billing");
              assertThat(a.fields())
                  .containsEntry("job_id", jobId)
                  .containsEntry("handler", "billing")
                  .containsEntry("attempts", 1)
                  .containsEntry("error", "worker lost during final attempt");
            });
  }

  @Test
  void onASteppedClockTheSweepsRunBeforeTheMoveThatMadeThemDueReturns() {
    StepClock stepped = new StepClock(T0);
    InMemoryStore steppedStore = new InMemoryStore(stepped);
    Maintenance maintenance =
        new Maintenance(
            steppedStore,
            stepped,
            QHookConfig.fromYaml(CONFIG),
            () -> {},
            new EngineMetrics(registry),
            alerts::add,
            Timers.of(stepped));
    append(steppedStore, "billing", 1);
    steppedStore.claim(new ClaimRequest(T0, 10, T0.plusSeconds(15), Set.of(), Map.of()));
    append(steppedStore, "shipping", 5);
    maintenance.start();

    stepped.advance(Duration.ofSeconds(16)); // the lease lapsed; the 10 s sweep is due
    assertThat(dlq("billing")).isEqualTo(1);
    assertThat(dlq("shipping")).isZero();

    stepped.advance(Duration.ofHours(1)); // past the TTL; the minute's sweep is due
    assertThat(dlq("shipping")).isEqualTo(1);
    assertThat(alerts)
        .extracting(Alert::kind)
        .containsExactly(AlertKind.DLQ, AlertKind.EVENT_TTL_EXPIRED);
    maintenance.close();
  }

  @Test
  void aJobLeftRunningAtStartOnItsFinalAttemptIsADeadLetterToo() {
    Maintenance maintenance = maintenance(CONFIG);
    append("shipping", 1);
    store.claim(new ClaimRequest(T0, 10, T0.plusSeconds(60), Set.of(), Map.of()));

    maintenance.recoverOrphans();

    assertThat(dlq("shipping")).isEqualTo(1);
    assertThat(alerts).extracting(Alert::kind).containsExactly(AlertKind.DLQ);
  }

  @Test
  void jobsExpiredByTheTtlSweepCountAsDeadLettersWithOneAlertPerHandler() {
    Maintenance maintenance = maintenance(CONFIG);
    append("billing", 5);
    append("billing", 5);
    append("shipping", 5);
    clock.set(T0.plus(Duration.ofHours(1)).plusSeconds(1));

    maintenance.expireJobs();

    assertThat(dlq("billing")).isEqualTo(2);
    assertThat(dlq("shipping")).isEqualTo(1);
    assertThat(alerts)
        .extracting(Alert::kind, Alert::subject, a -> a.fields().get("count"))
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(AlertKind.EVENT_TTL_EXPIRED, "billing", 2),
            org.assertj.core.groups.Tuple.tuple(AlertKind.EVENT_TTL_EXPIRED, "shipping", 1));
  }

  /** A clock the test moves by hand. */
  private static final class HandClock extends Clock {
    private volatile Instant now;

    HandClock(Instant now) {
      this.now = now;
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
