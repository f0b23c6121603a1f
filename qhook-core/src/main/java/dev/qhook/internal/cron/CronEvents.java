package dev.qhook.internal.cron;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qhook.IngestRequest;
import dev.qhook.internal.json.Json;
import java.util.Map;

/**
 * The event of a cron tick: type {@code cron.tick}, payload {@code {"source", "fired_at"}} with the
 * scheduled time in UTC, and that time as its idempotency key, so one event is stored per tick
 * whichever instance fires it.
 */
public final class CronEvents {
  /** The event type of every tick. */
  public static final String TICK_TYPE = "cron.tick";

  private CronEvents() {}

  /** The ingest request of {@code tick}. */
  public static IngestRequest request(CronTicker.Tick tick) {
    String firedAt = tick.scheduledAt().toString();
    ObjectNode payload =
        Json.MAPPER.createObjectNode().put("source", tick.source()).put("fired_at", firedAt);
    byte[] body;
    try {
      body = Json.MAPPER.writeValueAsBytes(payload);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e); // two strings always serialise
    }
    return new IngestRequest(
        tick.source(),
        TICK_TYPE,
        body,
        Map.of("content-type", "application/json", "idempotency-key", firedAt));
  }
}
