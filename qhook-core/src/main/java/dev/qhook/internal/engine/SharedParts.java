package dev.qhook.internal.engine;

import dev.qhook.Alert;
import dev.qhook.config.QHookConfig;
import dev.qhook.internal.ids.UlidGenerator;
import dev.qhook.internal.metrics.EngineMetrics;
import dev.qhook.internal.routing.Router;
import dev.qhook.spi.Store;
import dev.qhook.spi.Transport;
import java.time.Clock;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * What the feature assemblers ({@link OutboundParts}, {@link PushDeliveryParts}, {@link
 * QueueParts}, {@link IngestParts}, {@link ScheduledParts}) share; {@link EngineRuntime} builds
 * these first and closes them last.
 *
 * @param router the handlers' routes, for ingest, replay and push delivery
 * @param ids event and job ids
 * @param alerts the engine's {@code raiseAlert}: logged, then sent unless {@code alerts.on}
 *     excludes its kind
 */
record SharedParts(
    QHookConfig config,
    Store store,
    Clock clock,
    RandomGenerator random,
    Transport transport,
    EngineMetrics metrics,
    Router router,
    UlidGenerator ids,
    Consumer<Alert> alerts) {}
