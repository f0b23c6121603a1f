package dev.qhook.internal.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.Alert;
import dev.qhook.config.AlertKind;
import dev.qhook.config.QHookConfig;
import dev.qhook.memory.InMemoryStore;
import dev.qhook.spi.Endpoint;
import dev.qhook.spi.EndpointStatus;
import dev.qhook.spi.OutboundStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** failing_since and automatic disabling (docs/reference/http-api.md, "Endpoint health"). */
class EndpointHealthTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final QHookConfig CONFIG =
      QHookConfig.fromYaml(
          """
          sources:
            shop: { type: outbound, disable_after: 1h }
          """);

  private final OutboundStore store = new InMemoryStore().outbound();
  private final List<Alert> alerts = new ArrayList<>();
  private final EndpointHealth health =
      new EndpointHealth(store, CONFIG, new EndpointRoutes(store, CONFIG, () -> T0), alerts::add);

  private Endpoint endpoint() {
    Endpoint e =
        Endpoint.builder("W1", "shop", "https://user:pw@x.example/hook", "whsec_a", T0).build();
    store.createEndpoint(e);
    return e;
  }

  private Endpoint stored() {
    return store.endpoint("W1").orElseThrow();
  }

  @Test
  void anEndpointFailingLongerThanDisableAfterIsDisabledOnceWithAnAlert() {
    Endpoint e = endpoint();

    health.failed(e, T0);
    health.failed(stored(), T0.plus(Duration.ofMinutes(59)));
    assertThat(stored().failingSince()).isEqualTo(T0);
    assertThat(stored().active()).isTrue();

    health.failed(stored(), T0.plus(Duration.ofMinutes(61)));
    health.failed(stored(), T0.plus(Duration.ofMinutes(62)));

    assertThat(stored().status()).isEqualTo(EndpointStatus.DISABLED);
    assertThat(stored().disabledReason()).isEqualTo("auto");
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(AlertKind.ENDPOINT_DISABLED);
              assertThat(a.fields())
                  .containsEntry("endpoint_id", "W1")
                  .containsEntry("source", "shop")
                  .containsEntry("url", "https://***@x.example/hook")
                  .containsEntry("failing_since", T0.toString());
            });
  }

  @Test
  void aSuccessClearsFailingSinceAndRestartsTheClock() {
    Endpoint e = endpoint();
    health.failed(e, T0);
    health.succeeded(stored(), T0.plus(Duration.ofMinutes(30)));
    assertThat(stored().failingSince()).isNull();

    health.failed(stored(), T0.plus(Duration.ofMinutes(90)));
    assertThat(stored().failingSince()).isEqualTo(T0.plus(Duration.ofMinutes(90)));
    assertThat(stored().active()).isTrue();
    assertThat(alerts).isEmpty();
  }
}
