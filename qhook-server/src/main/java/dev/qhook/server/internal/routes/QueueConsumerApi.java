package dev.qhook.server.internal.routes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.NackResult;
import dev.qhook.QHook;
import dev.qhook.QueueClient;
import dev.qhook.QueueMessage;
import dev.qhook.config.QueueConfig;
import dev.qhook.server.internal.http.ApiException;
import dev.qhook.server.internal.http.BearerToken;
import dev.qhook.server.internal.http.Request;
import dev.qhook.server.internal.http.Response;
import dev.qhook.server.internal.http.ServerJson;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The consumer routes of a pull queue (docs/reference/http-api.md, "Pull queues"): receive (a long
 * poll answered without holding a request thread), ack, nack and extend. Each needs the queue's
 * {@code api_key}, or {@code api.auth_token} when the queue has none; the key is checked before the
 * queue is looked up, so names cannot be probed without a token.
 */
public final class QueueConsumerApi {
  /**
   * The longest engine wait of one long poll; a longer wait is a chain of these, so that a server
   * shutting down answers its waiting consumers within this time instead of holding its stop.
   */
  static final Duration WAIT_SLICE = Duration.ofSeconds(1);

  private final QHook engine;
  private final Readiness readiness;
  private final BearerToken apiToken;
  private final Map<String, BearerToken> keys = new HashMap<>();

  QueueConsumerApi(QHook engine, Readiness readiness, BearerToken apiToken) {
    this.engine = engine;
    this.readiness = readiness;
    this.apiToken = apiToken;
    for (QueueConfig queue : engine.config().queues().values()) {
      keys.put(queue.name(), queue.apiKey() == null ? apiToken : BearerToken.of(queue.apiKey()));
    }
  }

  /** {@code GET /api/queues/{name}/messages?batch&wait}. */
  public CompletableFuture<Response> receive(Request request) {
    QueueClient queue = authorized(request);
    int batch = QueueParams.batch(request.query("batch"));
    Duration wait = QueueParams.waitTime(request.query("wait"));
    long deadline = System.nanoTime() + wait.toNanos();
    return poll(queue, batch, deadline).thenApply(m -> Response.ok(QueueViews.messages(m)));
  }

  /** Receives in slices of {@link #WAIT_SLICE} until a message comes, the wait ends or shutdown. */
  private CompletableFuture<List<QueueMessage>> poll(QueueClient queue, int batch, long deadline) {
    long left = Math.max(0, deadline - System.nanoTime());
    return queue
        .receiveAsync(batch, Duration.ofNanos(Math.min(left, WAIT_SLICE.toNanos())))
        .thenCompose(
            got ->
                !got.isEmpty() || deadline - System.nanoTime() <= 0 || readiness.shuttingDown()
                    ? CompletableFuture.completedFuture(got)
                    : poll(queue, batch, deadline));
  }

  /** {@code POST /api/queues/{name}/ack} {@code {"ids":[...]}}. */
  public Response ack(Request request) {
    QueueClient queue = authorized(request);
    List<String> ids = QueueParams.ids(ServerJson.requireObjectOrEmpty(request.body()));
    return Response.ok(Map.of("acked", queue.ack(ids)));
  }

  /** {@code POST /api/queues/{name}/nack} {@code {"ids":[...], "delay": seconds?}}. */
  public Response nack(Request request) {
    QueueClient queue = authorized(request);
    JsonNode body = ServerJson.requireObjectOrEmpty(request.body());
    List<String> ids = QueueParams.ids(body);
    @Nullable Duration delay = QueueParams.seconds(body, "delay", 0);
    NackResult result = queue.nack(ids, delay);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("retried", result.retried());
    answer.put("dead", result.dead());
    return Response.ok(answer);
  }

  /** {@code POST /api/queues/{name}/extend} {@code {"ids":[...], "seconds": 1..43200}}. */
  public Response extend(Request request) {
    QueueClient queue = authorized(request);
    JsonNode body = ServerJson.requireObjectOrEmpty(request.body());
    List<String> ids = QueueParams.ids(body);
    Duration leaseFor = QueueParams.requiredSeconds(body, "seconds", 1);
    return Response.ok(Map.of("extended", queue.extend(ids, leaseFor)));
  }

  /** The queue of the request, once its key (or the API token for an unknown queue) is given. */
  private QueueClient authorized(Request request) {
    String name = request.pathParam("name");
    keys.getOrDefault(name, apiToken).require(request);
    return queue(engine, name);
  }

  /**
   * The queue {@code name} for the queue routes.
   *
   * @throws ApiException 404 {@code not_found} for a queue the config does not define
   */
  static QueueClient queue(QHook engine, String name) {
    if (!engine.config().queues().containsKey(name)) {
      throw ApiException.notFound("no queue '" + name + "'");
    }
    return engine.queue(name);
  }
}
