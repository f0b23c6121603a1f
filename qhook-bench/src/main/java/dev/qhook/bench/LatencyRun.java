package dev.qhook.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
  private static final Pattern EVENT_ID = Pattern.compile("\"event_id\"\\s*:\\s*\"([^\"]+)\"");

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final Map<String, Long> dueNanosByEvent = new ConcurrentHashMap<>();
  private final AtomicInteger failedPosts = new AtomicInteger();
  private final AtomicInteger acceptedPosts = new AtomicInteger();

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

      Histogram micros = new Histogram(Duration.ofMinutes(1).toNanos() / 1000, 3);
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
          "latency: %d events at %d/s, %d accepted, %d failed posts, %d not delivered within %s%n",
          measured, rate, acceptedPosts.get(), failedPosts.get(), missing, bound);
      if (micros.getTotalCount() == 0) {
        throw new IllegalStateException("no event was delivered");
      }
      Measurements.append(out, key + ".p50_ms", micros.getValueAtPercentile(50) / 1000.0);
      Measurements.append(out, key + ".p99_ms", micros.getValueAtPercentile(99) / 1000.0);
      Measurements.append(out, key + ".max_ms", micros.getMaxValue() / 1000.0);
      Measurements.append(out, key + ".lost", failedPosts.get() + missing);
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

  /** Sends {@code count} events, one every {@code periodNanos}, without waiting for answers. */
  private void sendSteadily(URI target, int count, long periodNanos, boolean record) {
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      long due = start + i * periodNanos;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      HttpRequest request =
          HttpRequest.newBuilder(target)
              .timeout(Duration.ofSeconds(10))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(Payloads.event(i)))
              .build();
      http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
          .whenComplete(
              (response, error) -> {
                if (!record) {
                  return;
                }
                if (error == null && response.statusCode() == 202) {
                  Matcher id = EVENT_ID.matcher(response.body());
                  if (id.find()) {
                    dueNanosByEvent.put(id.group(1), due);
                    acceptedPosts.incrementAndGet();
                    return;
                  }
                }
                failedPosts.incrementAndGet();
              });
    }
  }
}
