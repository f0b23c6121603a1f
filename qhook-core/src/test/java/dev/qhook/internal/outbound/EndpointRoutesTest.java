package dev.qhook.internal.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.config.QHookConfig;
import dev.qhook.internal.json.Json;
import dev.qhook.memory.InMemoryStore;
import dev.qhook.spi.Endpoint;
import dev.qhook.spi.OutboundStore;
import dev.qhook.spi.Subscription;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The in-memory route table that spares ingest a store read per event. */
class EndpointRoutesTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final QHookConfig CONFIG =
      QHookConfig.fromYaml(
          """
          sources:
            shop: { type: outbound }
            app: { type: event }
          """);

  private final OutboundStore real = new InMemoryStore().outbound();
  private final AtomicInteger reads = new AtomicInteger();
  private final AtomicBoolean failing = new AtomicBoolean();
  private final AtomicReference<Instant> now = new AtomicReference<>(T0);
  private final EndpointRoutes routes = new EndpointRoutes(counting(), CONFIG, now::get);

  /** The real store, counting the reads of routes and failing them on demand. */
  private OutboundStore counting() {
    return (OutboundStore)
        Proxy.newProxyInstance(
            OutboundStore.class.getClassLoader(),
            new Class<?>[] {OutboundStore.class},
            (proxy, method, args) -> {
              if (method.getName().equals("activeRoutes")) {
                reads.incrementAndGet();
                if (failing.get()) {
                  throw new IllegalStateException("database down");
                }
              }
              try {
                return method.invoke(real, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  private Endpoint endpoint(String id, String source, String... types) {
    Endpoint e = Endpoint.builder(id, source, "https://x.example/" + id, "whsec_a", T0).build();
    real.createEndpoint(e);
    for (String t : types) {
      real.subscribe(List.of(new Subscription("S" + id + t, id, t, T0)));
    }
    return e;
  }

  private List<String> matching(String type) {
    return routes.matching("shop", type, () -> null).stream()
        .map(EndpointRoutes.Route::endpointId)
        .toList();
  }

  @Test
  void matchesTheActiveEndpointsWhosePatternsCoverTheType() {
    endpoint("W1", "shop", "order.*");
    endpoint("W2", "shop", "invoice.paid", "order.created");
    endpoint("W3", "shop");

    assertThat(matching("order.created")).containsExactly("W1", "W2");
    assertThat(matching("order.refund.created")).containsExactly("W1");
    assertThat(matching("invoice.paid")).containsExactly("W2");
    assertThat(matching("customer.created")).isEmpty();
    assertThat(routes.matching("app", "order.created", () -> null)).isEmpty();
    assertThat(routes.isOutbound("app")).isFalse();
  }

  @Test
  void readsTheStoreOncePerRefreshNotPerEvent() {
    endpoint("W1", "shop", "*");
    for (int i = 0; i < 100; i++) {
      assertThat(matching("order.created")).containsExactly("W1");
    }
    assertThat(reads).hasValue(1);

    endpoint("W2", "shop", "*"); // as another instance would: no invalidation here
    assertThat(matching("order.created")).containsExactly("W1");
    now.set(T0.plus(EndpointRoutes.REFRESH));
    assertThat(matching("order.created")).containsExactly("W1", "W2");
    assertThat(reads).hasValue(2);
  }

  @Test
  void aChangeThroughThisInstanceIsSeenByTheNextEvent() {
    endpoint("W1", "shop", "*");
    assertThat(matching("x")).containsExactly("W1");

    real.deleteEndpoint("W1");
    routes.invalidate();

    assertThat(matching("x")).isEmpty();
    assertThat(reads).hasValue(2);
  }

  @Test
  void aFailedReloadKeepsThePreviousCopyUntilTheNextRefresh() {
    endpoint("W1", "shop", "*");
    assertThat(matching("x")).containsExactly("W1");
    failing.set(true);
    now.set(T0.plus(EndpointRoutes.REFRESH));

    assertThat(matching("x")).containsExactly("W1");
    assertThat(matching("x")).containsExactly("W1");
    assertThat(reads).hasValue(2);

    failing.set(false);
    now.set(T0.plus(EndpointRoutes.REFRESH.multipliedBy(2)).plus(Duration.ofMillis(1)));
    real.deleteEndpoint("W1");
    assertThat(matching("x")).isEmpty();
  }

  @Test
  void aFilteredSubscriptionMatchesOnlyPayloadsItAcceptsAndReadsThePayloadOnlyForFilters() {
    endpoint("W1", "shop", "order.*");
    real.createEndpoint(
        Endpoint.builder("W2", "shop", "https://x.example/W2", "whsec_a", T0).build());
    real.subscribe(List.of(new Subscription("SW2", "W2", "order.*", "$.amount > 100", T0)));
    AtomicInteger asked = new AtomicInteger();
    JsonNode big = Json.parseOrNull("{\"amount\": 150}".getBytes(StandardCharsets.UTF_8));
    JsonNode small = Json.parseOrNull("{\"amount\": 5}".getBytes(StandardCharsets.UTF_8));

    assertThat(ids(routes.matching("shop", "order.paid", counted(asked, big))))
        .containsExactly("W1", "W2");
    assertThat(ids(routes.matching("shop", "order.paid", counted(asked, small))))
        .containsExactly("W1");
    assertThat(ids(routes.matching("shop", "order.paid", () -> null))).containsExactly("W1");
    assertThat(asked).hasValue(2);
    assertThat(ids(routes.matching("shop", "invoice.paid", counted(asked, big)))).isEmpty();
    assertThat(asked).hasValue(2);
  }

  private static Supplier<@Nullable JsonNode> counted(AtomicInteger asked, JsonNode json) {
    return () -> {
      asked.incrementAndGet();
      return json;
    };
  }

  private static List<String> ids(List<EndpointRoutes.Route> matched) {
    return matched.stream().map(EndpointRoutes.Route::endpointId).toList();
  }
}
