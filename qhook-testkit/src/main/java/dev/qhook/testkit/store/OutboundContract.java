package dev.qhook.testkit.store;

import static dev.qhook.testkit.store.StoreFixtures.at;
import static dev.qhook.testkit.store.StoreFixtures.endpoint;
import static dev.qhook.testkit.store.StoreFixtures.failure;
import static dev.qhook.testkit.store.StoreFixtures.newJob;
import static dev.qhook.testkit.store.StoreFixtures.subscription;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qhook.StoreException;
import dev.qhook.spi.Completion;
import dev.qhook.spi.Endpoint;
import dev.qhook.spi.EndpointQuery;
import dev.qhook.spi.EndpointRoute;
import dev.qhook.spi.EndpointStatus;
import dev.qhook.spi.Job;
import dev.qhook.spi.JobKind;
import dev.qhook.spi.JobQuery;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.OutboundStore;
import dev.qhook.spi.Subscription;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Outbound endpoints and subscriptions (docs/reference/http-api.md, "Outbound endpoints"), and the
 * recovery of an endpoint's dead deliveries.
 */
public interface OutboundContract extends StoreContract {

  default OutboundStore outbound() {
    return store().outbound();
  }

  /** An endpoint's own retry block as the engine stores it. */
  String RETRY =
      "{\"max\":3,\"backoff\":\"fixed\",\"interval\":\"100ms\",\"max_interval\":\"1h\","
          + "\"jitter\":false,\"errors\":[\"all\"]}";

  @Test
  default void anEndpointReadsBackWithEveryField() {
    Endpoint e =
        endpoint("shop", at(0)).toBuilder()
            .description("Acme orders")
            .rotate("whsec_bmV3", at(3600))
            .failingSince(at(5))
            .metadata(Map.of("tenant", "acme"))
            .headers(Map.of("Authorization", "Bearer customer-token"))
            .rateLimit(2.5)
            .retry(RETRY)
            .updatedAt(at(7))
            .build();
    outbound().createEndpoint(e);

    assertThat(outbound().endpoint(e.id())).contains(e);
    assertThat(outbound().endpoint(e.id()).orElseThrow().retry()).isEqualTo(RETRY);
    assertThat(outbound().endpoint("W-none")).isEmpty();
  }

  @Test
  default void endpointsListBySourceInIdOrderWithCursorPages() {
    Endpoint a = create(endpoint("shop", at(0)));
    Endpoint b = create(endpoint("billing", at(1)));
    Endpoint c = create(endpoint("shop", at(2)));

    assertThat(outbound().endpoints(EndpointQuery.of("shop")).items())
        .extracting(Endpoint::id)
        .containsExactly(a.id(), c.id());
    var first = outbound().endpoints(new EndpointQuery(null, null, 2, false));
    assertThat(first.items()).extracting(Endpoint::id).containsExactly(a.id(), b.id());
    assertThat(first.hasMore()).isTrue();
    var next = outbound().endpoints(new EndpointQuery(null, b.id(), 2, false));
    assertThat(next.items()).extracting(Endpoint::id).containsExactly(c.id());
    assertThat(next.hasMore()).isFalse();
    assertThat(outbound().endpoints(new EndpointQuery(null, null, 5, true)).items())
        .extracting(Endpoint::id)
        .containsExactly(c.id(), b.id(), a.id());
  }

  @Test
  default void endpointsListByCreationTimeSinceInclusiveUntilExclusive() {
    Endpoint a = create(endpoint("shop", at(0)));
    Endpoint b = create(endpoint("shop", at(10)));
    Endpoint c = create(endpoint("shop", at(20)));

    assertThat(
            outbound().endpoints(new EndpointQuery(null, null, 5, false, at(10), at(20))).items())
        .extracting(Endpoint::id)
        .containsExactly(b.id());
    assertThat(outbound().endpoints(new EndpointQuery("shop", null, 5, true, at(1), null)).items())
        .extracting(Endpoint::id)
        .containsExactly(c.id(), b.id());
    assertThat(outbound().endpoints(new EndpointQuery(null, null, 5, false, null, at(10))).items())
        .extracting(Endpoint::id)
        .containsExactly(a.id());
  }

  @Test
  default void anUpdateReplacesTheEndpointAndReportsAMissingOne() {
    Endpoint e = create(endpoint("shop", at(0)));
    Endpoint changed =
        e.toBuilder()
            .url("https://example.com/new")
            .status(EndpointStatus.DISABLED, Endpoint.DISABLED_MANUAL)
            .retry(RETRY)
            .updatedAt(at(9))
            .build();

    assertThat(outbound().updateEndpoint(changed)).isTrue();
    assertThat(outbound().endpoint(e.id())).contains(changed);
    Endpoint cleared = changed.toBuilder().retry(null).build();
    assertThat(outbound().updateEndpoint(cleared)).isTrue();
    assertThat(outbound().endpoint(e.id())).contains(cleared);
    assertThat(outbound().updateEndpoint(endpoint("shop", at(0)))).isFalse();
  }

  @Test
  default void subscribingReturnsOnlyTheNewEventTypesOfEachEndpoint() {
    Endpoint a = create(endpoint("shop", at(0)));
    Endpoint b = create(endpoint("shop", at(0)));
    Subscription first = subscription(a.id(), "order.*", at(1));
    assertThat(outbound().subscribe(List.of(first))).containsExactly(first);

    Subscription again = subscription(a.id(), "order.*", at(2));
    Subscription paid = subscription(a.id(), "invoice.paid", at(2));
    Subscription paidTwice = subscription(a.id(), "invoice.paid", at(2));
    Subscription other = subscription(b.id(), "order.*", at(2));
    assertThat(outbound().subscribe(List.of(again, paid, paidTwice, other)))
        .containsExactly(paid, other);

    assertThat(outbound().subscriptions(a.id())).containsExactly(first, paid);
    assertThat(outbound().subscriptions(b.id())).containsExactly(other);
  }

  @Test
  default void subscribingAnUnknownEndpointIsRefusedAndStoresNothing() {
    Endpoint a = create(endpoint("shop", at(0)));

    assertThatThrownBy(
            () ->
                outbound()
                    .subscribe(
                        List.of(
                            subscription(a.id(), "order.*", at(1)),
                            subscription("W-none", "order.*", at(1)))))
        .isInstanceOf(StoreException.class);
    assertThat(outbound().subscriptions(a.id())).isEmpty();
  }

  @Test
  default void unsubscribingTakesOnlyASubscriptionOfThatEndpoint() {
    Endpoint a = create(endpoint("shop", at(0)));
    Endpoint b = create(endpoint("shop", at(0)));
    Subscription s = subscription(a.id(), "order.*", at(1));
    outbound().subscribe(List.of(s));

    assertThat(outbound().unsubscribe(b.id(), s.id())).isFalse();
    assertThat(outbound().unsubscribe(a.id(), "S-none")).isFalse();
    assertThat(outbound().unsubscribe(a.id(), s.id())).isTrue();
    assertThat(outbound().subscriptions(a.id())).isEmpty();
  }

  @Test
  default void deletingAnEndpointDeletesItsSubscriptions() {
    Endpoint a = create(endpoint("shop", at(0)));
    outbound().subscribe(List.of(subscription(a.id(), "order.*", at(1))));

    assertThat(outbound().deleteEndpoint(a.id())).isTrue();
    assertThat(outbound().deleteEndpoint(a.id())).isFalse();
    assertThat(outbound().endpoint(a.id())).isEmpty();
    assertThat(outbound().subscriptions(a.id())).isEmpty();
    Endpoint again = create(endpoint("shop", at(2)));
    assertThat(outbound().subscribe(List.of(subscription(again.id(), "order.*", at(3)))))
        .hasSize(1);
  }

  @Test
  default void routesAreTheActiveSubscribedEndpointsOfTheSources() {
    Endpoint active = create(endpoint("shop", at(0)));
    Endpoint unsubscribed = create(endpoint("shop", at(0)));
    Endpoint disabled = create(endpoint("shop", at(0)));
    Endpoint elsewhere = create(endpoint("billing", at(0)));
    Endpoint third = create(endpoint("crm", at(0)));
    outbound()
        .subscribe(
            List.of(
                subscription(active.id(), "order.*", at(1)),
                subscription(active.id(), "invoice.paid", at(1)),
                subscription(disabled.id(), "*", at(1)),
                subscription(elsewhere.id(), "*", at(1)),
                subscription(third.id(), "*", at(1))));
    outbound().disable(disabled.id(), Endpoint.DISABLED_MANUAL, at(2));

    List<EndpointRoute> routes = outbound().activeRoutes(List.of("shop", "billing"));

    assertThat(routes)
        .extracting(r -> r.endpoint().id())
        .containsExactly(active.id(), elsewhere.id());
    assertThat(routes.get(0).eventTypes()).containsExactly("order.*", "invoice.paid");
    assertThat(routes.get(0).endpoint()).isEqualTo(active);
    assertThat(unsubscribed.active()).isTrue();
    assertThat(outbound().activeRoutes(List.of())).isEmpty();
  }

  @Test
  default void aSubscriptionKeepsItsFilterInListsAndRoutes() {
    Endpoint e = create(endpoint("shop", at(0)).toBuilder().retry(RETRY).build());
    String filter = "$.customer.name == \"Zoë O'Brien\" and $.amount > 100";
    Subscription plain = subscription(e.id(), "order.*", at(1));
    Subscription filtered =
        new Subscription(plain.id() + "f", e.id(), "invoice.paid", filter, at(1));

    assertThat(outbound().subscribe(List.of(plain, filtered))).containsExactly(plain, filtered);

    assertThat(outbound().subscriptions(e.id())).containsExactly(plain, filtered);
    List<EndpointRoute> routes = outbound().activeRoutes(List.of("shop"));
    assertThat(routes).hasSize(1);
    assertThat(routes.get(0).endpoint()).isEqualTo(e);
    assertThat(routes.get(0).subscriptions()).containsExactly(plain, filtered);
    assertThat(routes.get(0).subscriptions().get(1).filter()).isEqualTo(filter);
    assertThat(routes.get(0).subscriptions().get(0).filter()).isNull();
  }

  @Test
  default void failingSinceIsTheFirstFailureAfterASuccess() {
    Endpoint e = create(endpoint("shop", at(0)));

    assertThat(outbound().recordFailure(e.id(), at(10)).orElseThrow().failingSince())
        .isEqualTo(at(10));
    assertThat(outbound().recordFailure(e.id(), at(20)).orElseThrow().failingSince())
        .isEqualTo(at(10));
    outbound().recordSuccess(e.id(), at(30));
    assertThat(outbound().endpoint(e.id()).orElseThrow().failingSince()).isNull();
    assertThat(outbound().recordFailure(e.id(), at(40)).orElseThrow().failingSince())
        .isEqualTo(at(40));
    assertThat(outbound().recordFailure("W-none", at(40))).isEmpty();
  }

  @Test
  default void disablingChangesAnActiveEndpointOnce() {
    Endpoint e = create(endpoint("shop", at(0)));

    assertThat(outbound().disable(e.id(), Endpoint.DISABLED_AUTO, at(5))).isTrue();
    assertThat(outbound().disable(e.id(), Endpoint.DISABLED_AUTO, at(6))).isFalse();
    assertThat(outbound().disable("W-none", Endpoint.DISABLED_AUTO, at(6))).isFalse();
    Endpoint stored = outbound().endpoint(e.id()).orElseThrow();
    assertThat(stored.status()).isEqualTo(EndpointStatus.DISABLED);
    assertThat(stored.disabledReason()).isEqualTo(Endpoint.DISABLED_AUTO);
    assertThat(stored.updatedAt()).isEqualTo(at(5));
  }

  @Test
  default void recoveringAnEndpointRequeuesItsDeadDeliveriesOfTheWindowWithTheSameIds() {
    Endpoint e = create(endpoint("shop", at(0)));
    Job before = deadDelivery(e.id(), at(0));
    Job inside = deadDelivery(e.id(), at(10));
    Job atUntil = deadDelivery(e.id(), at(20));
    Job otherEndpoint = deadDelivery("W-other", at(10));

    int recovered =
        store()
            .retryDead(new JobQuery(null, e.id(), null, at(10), at(20), null, 50, false), at(99));

    assertThat(recovered).isEqualTo(1);
    Job requeued = job(inside.id());
    assertThat(requeued.status()).isEqualTo(JobStatus.AVAILABLE);
    assertThat(requeued.attempt()).isZero();
    assertThat(requeued.scheduledAt()).isEqualTo(at(99));
    assertThat(List.of(before, atUntil, otherEndpoint))
        .extracting(j -> job(j.id()).status())
        .containsOnly(JobStatus.DEAD);
  }

  @Test
  default void deliveryCountsAreTheEndpointsOutboundJobsPerStatus() {
    Endpoint e = create(endpoint("shop", at(0)));
    deadDelivery(e.id(), at(0));
    deadDelivery("W-other", at(1));
    appendJobs(at(2), newJob(JobKind.OUTBOUND, e.id(), 3, at(2), null));
    appendJobs(at(2), newJob(JobKind.OUTBOUND, e.id(), 3, at(2), null));
    appendJobs(at(2), newJob(JobKind.HANDLER, e.id(), 3, at(2), null));

    assertThat(outbound().deliveryCounts(e.id()))
        .containsOnly(Map.entry(JobStatus.DEAD, 1L), Map.entry(JobStatus.AVAILABLE, 2L));
    assertThat(outbound().deliveryCounts("W-none")).isEmpty();
  }

  private Endpoint create(Endpoint e) {
    outbound().createEndpoint(e);
    return e;
  }

  private Job deadDelivery(String endpointId, java.time.Instant createdAt) {
    Job job =
        appendJobs(createdAt, newJob(JobKind.OUTBOUND, endpointId, 3, createdAt, null)).get(0);
    assertThat(claimOne(createdAt).id()).isEqualTo(job.id());
    store().complete(List.of(new Completion.Dead(job.id(), 1, failure(1, createdAt), "HTTP 500")));
    return job(job.id());
  }
}
