package dev.qhook.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qhook.internal.engine.DeliveryExecutors;
import dev.qhook.internal.transport.ApacheHttpTransport;
import dev.qhook.internal.transport.SsrfGuard;
import dev.qhook.spi.TransportRequest;
import dev.qhook.spi.TransportResult;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * The qhook side of the pull scenario (issue 11, item 8), against a running server with a queue
 * {@code pull} on source {@code bench}: producers post 300-byte events over HTTP as fast as the
 * server answers ({@code single}: {@value #SINGLE_PRODUCERS} concurrent single posts; {@code
 * batch}: one producer posting 100 events per request to the batch route, like PerfTest's 100
 * outstanding confirms), while one consumer long-polls {@code GET
 * /api/queues/pull/messages?batch=100} and acks each batch. Each payload carries its send time, so
 * the consumer times post to receive.
 *
 * <p>Measured as PerfTest measures RabbitMQ: per second of the run after the warm-up, the messages
 * consumed and the 99th percentile latency; the rate is the mean of the per-second rates, the p99
 * the median of the per-second p99s (the p99 of the whole measured run is recorded beside it).
 *
 * <p>{@code PullRun --target http://127.0.0.1:19101 --mode single --seconds 90 --warmup-seconds 30
 * --key pull.sqlite --out measurements.tsv}
 */
public final class PullRun {
  /** Concurrent single posts: as many as wrk's {@code -c64} in the ingest scenario. */
  static final int SINGLE_PRODUCERS = 64;

  /** Events per request of the batch producer, and messages per receive. */
  static final int BATCH = 100;

  static final String QUEUE = "pull";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final ApacheHttpTransport http =
      new ApacheHttpTransport(
          new SsrfGuard(true, InetAddress::getAllByName, address -> false), SINGLE_PRODUCERS + 2);

  private final long base = System.nanoTime();
  private final AtomicLong produced = new AtomicLong();
  private final AtomicLong failedPosts = new AtomicLong();
  private volatile boolean running = true;

  private PullRun() {}

  public static void main(String[] argv) {
    Cli.run(
        "pull",
        () -> {
          Args args = Args.parse(argv, "target", "mode", "seconds", "warmup-seconds", "key", "out");
          String mode = args.get("mode", "single");
          if (!mode.equals("single") && !mode.equals("batch")) {
            throw new IllegalArgumentException("--mode: single or batch, was " + mode);
          }
          new PullRun()
              .run(
                  args.get("target"),
                  mode.equals("batch"),
                  args.getInt("seconds", 90),
                  args.getInt("warmup-seconds", 30),
                  args.get("key"),
                  Path.of(args.get("out")));
        });
  }

  private void run(String target, boolean batch, int seconds, int warmup, String key, Path out)
      throws Exception {
    int producers = batch ? 1 : SINGLE_PRODUCERS;
    ExecutorService threads =
        Executors.newFixedThreadPool(producers + 1, DeliveryExecutors.named("pull-bench"));
    Consumer consumer = new Consumer(URI.create(target), seconds);
    try {
      threads.execute(consumer::run);
      URI post = URI.create(target + (batch ? "/events/bench" : "/events/bench/order.created"));
      for (int i = 0; i < producers; i++) {
        threads.execute(() -> produce(post, batch));
      }
      Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
      running = false;
      threads.shutdown();
      if (!threads.awaitTermination(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("producers or consumer did not stop within 60 s");
      }
      if (consumer.failure != null) {
        throw new IllegalStateException("the consumer failed: " + consumer.failure);
      }
      report(consumer, warmup, seconds, key, out);
    } finally {
      threads.shutdownNow();
      http.close();
    }
  }

  private void report(Consumer consumer, int warmup, int seconds, String key, Path out)
      throws Exception {
    List<Long> rates = new ArrayList<>();
    List<Double> p99s = new ArrayList<>();
    Histogram all = new Histogram(600_000_000L, 3);
    for (int s = warmup; s < seconds; s++) {
      Histogram second = consumer.seconds[s];
      rates.add(second.getTotalCount());
      if (second.getTotalCount() > 0) {
        p99s.add(second.getValueAtPercentile(99) / 1000.0);
        all.add(second);
      }
    }
    double rate = rates.stream().mapToLong(Long::longValue).average().orElse(0);
    System.out.printf(
        "pull: %d posted (%d failed posts), %d consumed; per second after warm-up: %s%n",
        produced.get(), failedPosts.get(), consumer.consumed, rates);
    System.out.printf(
        "pull: %d receives, %.1f messages per receive, %.1f ms per receive, %.1f ms per ack%n",
        consumer.receives,
        consumer.consumed / (double) Math.max(1, consumer.receives),
        consumer.receiveNanos / 1e6 / Math.max(1, consumer.receives),
        consumer.ackNanos / 1e6 / Math.max(1, consumer.receives));
    if (all.getTotalCount() == 0) {
      throw new IllegalStateException("nothing was consumed after the warm-up");
    }
    double[] sorted = p99s.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double medianP99 =
        sorted.length % 2 == 1
            ? sorted[sorted.length / 2]
            : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    Measurements.append(out, key + ".rate", rate);
    Measurements.append(out, key + ".p99_ms", medianP99);
    Measurements.append(out, key + ".p99_all_ms", all.getValueAtPercentile(99) / 1000.0);
    Measurements.append(out, key + ".p50_ms", all.getValueAtPercentile(50) / 1000.0);
    Measurements.append(out, key + ".produced_rate", produced.get() / (double) seconds);
    Measurements.append(out, key + ".failed_posts", failedPosts.get());
  }

  /** Posts until the run ends: one event per request, or {@value #BATCH} to the batch route. */
  private void produce(URI post, boolean batch) {
    while (running) {
      long sent = System.nanoTime() - base;
      byte[] body = batch ? batchBody(sent) : Payloads.event(sent);
      TransportResult result =
          http.send(
              new TransportRequest(
                  "POST", post, Map.of("Content-Type", "application/json"), body, TIMEOUT));
      if (result instanceof TransportResult.Response r && r.status() / 100 == 2) {
        produced.addAndGet(batch ? BATCH : 1);
      } else {
        failedPosts.incrementAndGet();
      }
    }
  }

  private static byte[] batchBody(long sent) {
    byte[] event = Payloads.event(sent);
    String entry =
        "{\"type\":\"order.created\",\"payload\":"
            + new String(event, StandardCharsets.UTF_8)
            + "}";
    String[] entries = new String[BATCH];
    Arrays.fill(entries, entry);
    return ("[" + String.join(",", entries) + "]").getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Long-polls for up to {@value #BATCH} messages, acks each batch, and records each message's
   * latency in the histogram of the second of the run it arrived in.
   */
  private final class Consumer {
    private final URI receive;
    private final URI ack;
    final Histogram[] seconds;
    long consumed;
    long receives;
    long receiveNanos;
    long ackNanos;
    volatile @Nullable String failure;

    Consumer(URI target, int runSeconds) {
      this.receive =
          target.resolve("/api/queues/" + QUEUE + "/messages?batch=" + BATCH + "&wait=5s");
      this.ack = target.resolve("/api/queues/" + QUEUE + "/ack");
      this.seconds = new Histogram[runSeconds + 1];
      for (int i = 0; i < seconds.length; i++) {
        seconds[i] = new Histogram(600_000_000L, 3);
      }
    }

    void run() {
      try {
        while (running) {
          long asked = System.nanoTime();
          JsonNode messages = call("GET", receive, null).get("messages");
          long now = System.nanoTime() - base;
          receives++;
          receiveNanos += now + base - asked;
          int second = (int) Math.min(seconds.length - 1, now / 1_000_000_000L);
          StringBuilder ids = new StringBuilder("{\"ids\":[");
          for (JsonNode m : messages) {
            long sent = m.get("payload").get("order_id").asLong();
            seconds[second].recordValue(Math.max(0, (now - sent) / 1000));
            ids.append(ids.length() > 8 ? ",\"" : "\"").append(m.get("id").asText()).append('"');
          }
          consumed += messages.size();
          if (messages.size() > 0) {
            long acking = System.nanoTime();
            call("POST", ack, ids.append("]}").toString().getBytes(StandardCharsets.UTF_8));
            ackNanos += System.nanoTime() - acking;
          }
        }
      } catch (Exception e) {
        failure = e.toString();
        running = false;
      }
    }

    private JsonNode call(String method, URI uri, byte @Nullable [] body) throws Exception {
      TransportResult result =
          http.send(
              new TransportRequest(
                  method,
                  uri,
                  Map.of("Content-Type", "application/json"),
                  body == null ? new byte[0] : body,
                  TIMEOUT));
      if (!(result instanceof TransportResult.Response r) || r.status() != 200) {
        throw new IllegalStateException(method + " " + uri + ": " + result);
      }
      return JSON.readTree(r.body());
    }
  }
}
