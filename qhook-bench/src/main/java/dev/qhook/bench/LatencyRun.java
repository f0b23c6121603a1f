package dev.qhook.bench;

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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * End-to-end latency: posts events to a running qhook at a steady rate and times each from the
 * moment its POST was due to its first arrival at a loopback {@link Receiver} in this JVM (the
 * handler's URL). Timing from the scheduled send time, not the actual one, keeps a stalled sender
 * from hiding delays (coordinated omission). Events of the warm-up are sent but not recorded.
 *
 * <p>{@code LatencyRun --target http://127.0.0.1:19101 --receiver-port 19102 --rate 1000 --seconds
 * 30 --key latency.sqlite --out measurements.tsv}
 */
public final class LatencyRun {
  /** Concurrent POSTs at most; enough for 1,000/s at up to 60 ms each. */
  private static final int SENDERS = 64;

  private static final Pattern EVENT_ID = Pattern.compile("\"event_id\"\\s*:\\s*\"([^\"]+)\"");

  /**
   * qhook's own delivery client (blocking, pooled keep-alive connections): the load generator
   * shares the two cores with the server it measures, so it should cost as little as it can.
   */
  private final ApacheHttpTransport http =
      new ApacheHttpTransport(
          new SsrfGuard(true, InetAddress::getAllByName, address -> false), SENDERS);

  private final Map<String, Long> dueNanosByEvent = new ConcurrentHashMap<>();
  private final AtomicInteger failedPosts = new AtomicInteger();
  private final AtomicInteger acceptedPosts = new AtomicInteger();

  /** Due time to the 202, in microseconds: separates ingest delay from delivery delay. */
  private final Histogram answeredMicros = new ConcurrentHistogram(60_000_000L, 3);

  private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
  private final ExecutorService senders =
      Executors.newFixedThreadPool(SENDERS, DeliveryExecutors.named("latency-sender"));

  private LatencyRun() {}

  public static void main(String[] argv) {
    Cli.run(
        "latency",
        () -> {
          Args args =
              Args.parse(
                  argv,
                  "target",
                  "path",
                  "receiver-port",
                  "rate",
                  "seconds",
                  "warmup-seconds",
                  "key",
                  "out");
          new LatencyRun()
              .run(
                  URI.create(args.get("target") + args.get("path", "/events/bench/order.created")),
                  args.getInt("receiver-port", 19102),
                  args.getInt("rate", 1000),
                  args.getInt("seconds", 30),
                  args.getInt("warmup-seconds", 5),
                  args.get("key", "latency"),
                  Path.of(args.get("out")));
        });
  }

  private void run(
      URI target, int receiverPort, int rate, int seconds, int warmup, String key, Path out)
      throws Exception {
    try (Receiver receiver = Receiver.start(receiverPort, true)) {
      long periodNanos = 1_000_000_000L / rate;
      sendSteadily(target, rate * warmup, periodNanos, false);
      int measured = rate * seconds;
      sendSteadily(target, measured, periodNanos, true);
      Duration bound = Duration.ofSeconds(30);
      Bounds.await(() -> acceptedPosts.get() + failedPosts.get() >= measured, bound);
      Bounds.await(() -> allArrived(receiver), bound);

      Histogram micros = new Histogram(60_000_000L, 3);
      int missing = 0;
      for (Map.Entry<String, Long> sent : dueNanosByEvent.entrySet()) {
        Long arrived = receiver.arrivalNanos(sent.getKey());
        if (arrived == null) {
          missing++;
        } else {
          micros.recordValue(Math.max(0, (arrived - sent.getValue()) / 1000));
        }
      }
      System.out.printf(
          "latency: %d events at %d/s, %d accepted, %d failed posts %s, %d not delivered within"
              + " %s%n",
          measured, rate, acceptedPosts.get(), failedPosts.get(), failures, missing, bound);
      if (micros.getTotalCount() == 0) {
        throw new IllegalStateException("no event was delivered");
      }
      Measurements.append(out, key + ".p50_ms", micros.getValueAtPercentile(50) / 1000.0);
      Measurements.append(out, key + ".p99_ms", micros.getValueAtPercentile(99) / 1000.0);
      Measurements.append(out, key + ".max_ms", micros.getMaxValue() / 1000.0);
      Measurements.append(
          out, key + ".ingest_p99_ms", answeredMicros.getValueAtPercentile(99) / 1000.0);
      Measurements.append(out, key + ".lost", failedPosts.get() + missing);
    } finally {
      senders.shutdownNow();
      http.close();
    }
  }

  private boolean allArrived(Receiver receiver) {
    for (String id : dueNanosByEvent.keySet()) {
      if (receiver.arrivalNanos(id) == null) {
        return false;
      }
    }
    return true;
  }

  /**
   * Sends {@code count} events, one every {@code periodNanos}, without waiting for answers: each
   * POST runs on a sender thread with a blocking call.
   */
  private void sendSteadily(URI target, int count, long periodNanos, boolean record) {
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      long due = start + i * periodNanos;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      byte[] body = Payloads.event(i);
      senders.execute(() -> post(target, body, due, record));
    }
  }

  private void post(URI target, byte[] body, long due, boolean record) {
    TransportResult result =
        http.send(
            new TransportRequest(
                "POST",
                target,
                Map.of("Content-Type", "application/json"),
                body,
                Duration.ofSeconds(10)));
    String failure;
    if (result instanceof TransportResult.Response response) {
      Matcher id = EVENT_ID.matcher(new String(response.body(), StandardCharsets.UTF_8));
      if (response.status() == 202 && id.find()) {
        if (record) {
          answeredMicros.recordValue(Math.max(0, (System.nanoTime() - due) / 1000));
          dueNanosByEvent.put(id.group(1), due);
          acceptedPosts.incrementAndGet();
        }
        return;
      }
      failure = "status " + response.status();
    } else if (result instanceof TransportResult.Timeout) {
      failure = "timeout";
    } else {
      failure = ((TransportResult.NetworkError) result).message();
    }
    if (record) {
      failedPosts.incrementAndGet();
      failures.computeIfAbsent(failure, f -> new AtomicInteger()).incrementAndGet();
    }
  }
}
