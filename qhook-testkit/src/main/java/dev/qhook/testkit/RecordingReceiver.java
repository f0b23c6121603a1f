package dev.qhook.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;

/**
 * A real HTTP server on loopback that records every request and answers with scripted responses
 * (200 by default). Use it as the destination of handlers in tests.
 *
 * <pre>{@code
 * try (RecordingReceiver receiver = RecordingReceiver.start()) {
 *   receiver.respondWith(503).respondWith(200);
 *   // configure a handler with url receiver.url("/hook") ...
 *   List<RecordedRequest> got = receiver.awaitRequests(2, Duration.ofSeconds(10));
 * }
 * }</pre>
 */
public final class RecordingReceiver implements AutoCloseable {
  /**
   * One received request; header names are lowercase.
   *
   * @param receivedAt when the request arrived, by the system clock
   */
  public record RecordedRequest(
      String method, String path, Map<String, String> headers, byte[] body, Instant receivedAt) {
    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }

    public @Nullable String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** A scripted answer. */
  public record Response(int status, Map<String, String> headers, String body, Duration delay) {
    public static Response status(int status) {
      return new Response(status, Map.of(), "", Duration.ZERO);
    }
  }

  private static final String CHALLENGE_TYPE = "qhook.endpoint.verify";
  private static final Pattern CHALLENGE = Pattern.compile("\"challenge\"\\s*:\\s*\"([^\"]*)\"");

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedDeque<Response> script = new ConcurrentLinkedDeque<>();
  private volatile Response fallback = Response.status(200);
  private final Map<String, Response> byPath = new ConcurrentHashMap<>();
  private volatile boolean answerChallenges;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();

  private RecordingReceiver(HttpServer server) {
    this.server = server;
  }

  /** Starts a receiver on 127.0.0.1 and a free port. */
  public static RecordingReceiver start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      RecordingReceiver receiver = new RecordingReceiver(server);
      server.createContext("/", receiver::handle);
      server.setExecutor(receiver.executor);
      server.start();
      return receiver;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The URL of a path on this receiver, e.g. {@code url("/hook")}. */
  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  public URI uri(String path) {
    return URI.create(url(path));
  }

  /** Queues one answer with this status; queued answers are used in order, then the fallback. */
  public RecordingReceiver respondWith(int status) {
    return respondWith(Response.status(status));
  }

  public RecordingReceiver respondWith(Response response) {
    script.addLast(response);
    return this;
  }

  /**
   * Answers qhook's outbound ownership challenges (a {@code POST} with {@code X-Qhook-Event-Type:
   * qhook.endpoint.verify}) by echoing the challenge, without using a queued answer, as an endpoint
   * must to be registered. Challenges are still recorded.
   */
  public RecordingReceiver answerChallenges() {
    this.answerChallenges = true;
    return this;
  }

  /** The requests that are not ownership challenges, in arrival order. */
  public List<RecordedRequest> deliveries() {
    return requests.stream().filter(r -> !isChallenge(r)).toList();
  }

  /** Waits (bounded) until at least {@code count} deliveries arrived, and returns them all. */
  public List<RecordedRequest> awaitDeliveries(int count, Duration atMost) {
    Awaitility.await().atMost(atMost).until(() -> deliveries().size() >= count);
    return deliveries();
  }

  private static boolean isChallenge(RecordedRequest r) {
    return CHALLENGE_TYPE.equals(r.header("x-qhook-event-type"));
  }

  /** The answer once the queued ones are used up (200 unless changed). */
  public RecordingReceiver respondByDefault(Response response) {
    this.fallback = response;
    return this;
  }

  /**
   * The answer for every request to {@code path} (exact, query included) once the queued ones are
   * used up; other paths keep the fallback.
   */
  public RecordingReceiver respondTo(String path, Response response) {
    byPath.put(path, response);
    return this;
  }

  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  /** Waits (bounded) until at least {@code count} requests arrived, and returns them all. */
  public List<RecordedRequest> awaitRequests(int count, Duration atMost) {
    Awaitility.await().atMost(atMost).until(() -> requests.size() >= count);
    return requests();
  }

  /** The most requests this receiver was answering at the same time. */
  public int maxConcurrentRequests() {
    return maxInFlight.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    try (exchange;
        InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readAllBytes();
      Map<String, String> headers = new TreeMap<>();
      exchange
          .getRequestHeaders()
          .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
      RecordedRequest recorded =
          new RecordedRequest(
              exchange.getRequestMethod(),
              exchange.getRequestURI().toString(),
              headers,
              body,
              Instant.now());
      requests.add(recorded);
      Response response = null;
      if (answerChallenges && isChallenge(recorded)) {
        Matcher m = CHALLENGE.matcher(recorded.bodyText());
        response =
            new Response(
                200,
                Map.of("Content-Type", "application/json"),
                "{\"challenge\":\"" + (m.find() ? m.group(1) : "") + "\"}",
                Duration.ZERO);
      }
      if (response == null) {
        response = script.pollFirst();
      }
      if (response == null) {
        response = byPath.getOrDefault(exchange.getRequestURI().toString(), fallback);
      }
      if (!response.delay().isZero()) {
        Thread.sleep(response.delay().toMillis());
      }
      response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      byte[] out = response.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(response.status(), out.length == 0 ? -1 : out.length);
      if (out.length > 0) {
        exchange.getResponseBody().write(out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      inFlight.decrementAndGet();
    }
  }

  /** Requests with the given path, in arrival order. */
  public List<RecordedRequest> requestsTo(String path) {
    List<RecordedRequest> matching = new ArrayList<>();
    for (RecordedRequest r : requests) {
      if (r.path().equals(path)) {
        matching.add(r);
      }
    }
    return matching;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
