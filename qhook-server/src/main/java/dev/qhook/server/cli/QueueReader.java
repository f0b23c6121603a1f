package dev.qhook.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * What the {@code queues} commands read and change, as the JSON bodies of the management API
 * (docs/reference/http-api.md, "Queue management"), through an {@link ApiClient}.
 */
interface QueueReader extends AutoCloseable {
  /** {@code GET /api/queues}. */
  JsonNode list();

  /** {@code GET /api/queues/{name}}. */
  JsonNode detail(String name);

  /** {@code GET /api/queues/{name}/peek?limit}. */
  JsonNode peek(String name, int limit);

  /** {@code GET /api/queues/{name}/dlq?limit}. */
  JsonNode deadLetters(String name, int limit);

  /** {@code POST /api/queues/{name}/dlq/redrive}: one message, or all when {@code id} is null. */
  JsonNode redrive(String name, @Nullable String id);

  /** {@code POST /api/queues/{name}/drain}. */
  JsonNode drain(String name);

  @Override
  void close();
}
