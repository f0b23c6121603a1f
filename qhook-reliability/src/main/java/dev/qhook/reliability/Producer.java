package dev.qhook.reliability;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Posts events continuously at a steady total rate, each with a unique payload key, and records
 * every key the server acknowledged (a 2xx answer with an {@code event_id}) with that id: {@code
 * <key> TAB <event_id>} lines. A request that gets no 2xx is sent again with the same key and the
 * key as its {@code Idempotency-Key} (as a client following the docs would), after 100 ms when the
 * server could not be reached and 200 ms after any other answer (whatever its {@code Retry-After},
 * so that the server keeps being asked throughout an outage), until it is acknowledged, refused
 * with a 4xx (counted as {@code rejected}) or the run ends (counted as {@code abandoned}: not
 * acknowledged, so not owed). Every answer is counted in {@link ProducerStats}.
 *
 * <p>{@code Producer --target http://127.0.0.1:19400/events/rel/order.created --rate 100 --seconds
 * 180 --threads 4 --run r1 --accepted accepted.tsv --stats producer-stats.tsv}
 */
public final class Producer {
  private static final Pattern EVENT_ID = Pattern.compile("\"event_id\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern DUPLICATE = Pattern.compile("\"duplicate\"\\s*:\\s*true");

  private final URI target;
  private final String run;
  private final long periodNanos;
  private final long endNanos;
  private final Duration timeout;
  private final HttpClient http;
  private final BufferedWriter accepted;
  private final ProducerStats stats = new ProducerStats();

  private Producer(
      URI target,
      String run,
      long periodNanos,
      long endNanos,
      Duration timeout,
      BufferedWriter accepted) {
    this.target = target;
    this.run = run;
    this.periodNanos = periodNanos;
    this.endNanos = endNanos;
    this.timeout = timeout;
    this.accepted = accepted;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
  }

  public static void main(String[] argv) {
    Cli.run(
        "producer",
        () -> {
          Args args =
              Args.parse(
                  argv,
                  "target",
                  "rate",
                  "seconds",
                  "threads",
                  "run",
                  "accepted",
                  "stats",
                  "timeout-ms");
          int threads = args.getInt("threads", 4);
          int rate = args.getInt("rate", 100);
          long seconds = args.getLong("seconds", 10);
          Path acceptedFile = Path.of(args.get("accepted"));
          try (BufferedWriter writer =
              Files.newBufferedWriter(acceptedFile, StandardCharsets.UTF_8)) {
            Producer producer =
                new Producer(
                    URI.create(args.get("target")),
                    args.get("run", "r"),
                    1_000_000_000L * threads / rate,
                    System.nanoTime() + seconds * 1_000_000_000L,
                    Duration.ofMillis(args.getInt("timeout-ms", 10_000)),
                    writer);
            producer.runThreads(threads);
            producer.stats.write(Path.of(args.get("stats")));
            System.out.println("producer: " + producer.stats.snapshot());
          }
          return 0;
        });
  }

  private void runThreads(int count) throws InterruptedException {
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < count; t++) {
      int thread = t;
      threads.add(new Thread(() -> produce(thread), "producer-" + t));
    }
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join();
    }
  }

  /** One producer thread: a key every period until the run ends. */
  private void produce(int thread) {
    long due = System.nanoTime();
    for (long seq = 0; System.nanoTime() - endNanos < 0; seq++) {
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      due = Math.max(due + periodNanos, System.nanoTime() - periodNanos);
      String key = run + "-" + thread + "-" + seq;
      if (!deliver(key, body(key, seq))) {
        return; // the run ended with this key unacknowledged
      }
    }
  }

  static byte[] body(String key, long seq) {
    return ("{\"key\":\""
            + key
            + "\",\"seq\":"
            + seq
            + ",\"amount\":"
            + (seq % 1000)
            + ",\"note\":\"reliability kit\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Sends one key until it is acknowledged, refused, or the run ends (then false). */
  private boolean deliver(String key, byte[] body) {
    HttpRequest request =
        HttpRequest.newBuilder(target)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    while (true) {
      long pause;
      try {
        HttpResponse<String> response =
            http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        int status = response.statusCode();
        stats.answer(status, response.headers().firstValue("Retry-After").isPresent());
        Matcher id = EVENT_ID.matcher(response.body());
        if (status / 100 == 2 && id.find()) {
          stats.add("accepted");
          if (DUPLICATE.matcher(response.body()).find()) {
            stats.add("accepted_as_duplicate");
          }
          record(key, id.group(1));
          return true;
        }
        if (status / 100 == 4 && status != 429) {
          stats.add("rejected");
          System.err.println("producer: " + key + " refused: " + status + " " + response.body());
          return true;
        }
        pause = 200;
      } catch (HttpTimeoutException e) {
        stats.add("error.timeout");
        pause = 100;
      } catch (ConnectException e) {
        stats.add("error.refused");
        pause = 100;
      } catch (IOException e) {
        stats.add("error.io");
        pause = 100;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stats.add("abandoned");
        return false;
      }
      if (System.nanoTime() + pause * 1_000_000 - endNanos >= 0) {
        stats.add("abandoned");
        return false;
      }
      LockSupport.parkNanos(pause * 1_000_000);
    }
  }

  private void record(String key, String eventId) {
    synchronized (accepted) {
      try {
        accepted.write(key + '\t' + eventId + '\n');
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }
}
