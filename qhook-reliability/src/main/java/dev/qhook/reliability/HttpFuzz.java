package dev.qhook.reliability;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives a running server (the {@code fuzz} profile of {@link KitConfig}) with requests from {@link
 * FuzzRequests} for a time, at most {@code rate} per second, each on its own connection. Counts
 * every answer by status and every request that got none; logs each 5xx and each well-formed
 * request left unanswered with the request (replayable from base64) to {@code --failures}; writes
 * {@code event_id TAB jobs_created} for every acknowledged ingest to {@code --accepted}, so that
 * the audit can check each announced job was delivered.
 *
 * <p>{@code HttpFuzz --port 19400 --receiver-port 19401 --seconds 60 --seed 42 --accepted a.tsv
 * --stats s.tsv --failures f.txt}
 */
public final class HttpFuzz {
  private static final Pattern EVENT_ID = Pattern.compile("\"event_id\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern JOBS = Pattern.compile("\"jobs_created\"\\s*:\\s*(\\d+)");
  private static final int MAX_LOGGED = 200;

  private final int port;
  private final int timeoutMillis;
  private final ProducerStats stats = new ProducerStats();
  private final BufferedWriter accepted;
  private final BufferedWriter failures;
  private final AtomicInteger logged = new AtomicInteger();

  private HttpFuzz(int port, int timeoutMillis, BufferedWriter accepted, BufferedWriter failures) {
    this.port = port;
    this.timeoutMillis = timeoutMillis;
    this.accepted = accepted;
    this.failures = failures;
  }

  public static void main(String[] argv) {
    Cli.run(
        "http-fuzz",
        () -> {
          Args args =
              Args.parse(
                  argv,
                  "port",
                  "receiver-port",
                  "seconds",
                  "seed",
                  "threads",
                  "rate",
                  "accepted",
                  "stats",
                  "failures",
                  "timeout-ms");
          long seed = args.getLong("seed", System.nanoTime());
          int threads = args.getInt("threads", 2);
          int rate = args.getInt("rate", 200);
          long end = System.nanoTime() + args.getLong("seconds", 60) * 1_000_000_000L;
          int receiverPort = args.getInt("receiver-port", 19401);
          try (BufferedWriter acceptedOut = Files.newBufferedWriter(Path.of(args.get("accepted")));
              BufferedWriter failuresOut = Files.newBufferedWriter(Path.of(args.get("failures")))) {
            failuresOut.write("# seed " + seed + "\n");
            HttpFuzz fuzz =
                new HttpFuzz(
                    args.getInt("port", 19400),
                    args.getInt("timeout-ms", 10_000),
                    acceptedOut,
                    failuresOut);
            List<Thread> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
              FuzzRequests requests = new FuzzRequests(new Gen(seed + t), receiverPort);
              long period = 1_000_000_000L * threads / rate;
              running.add(new Thread(() -> fuzz.drive(requests, period, end), "fuzz-" + t));
            }
            running.forEach(Thread::start);
            for (Thread thread : running) {
              thread.join();
            }
            fuzz.stats.write(Path.of(args.get("stats")));
            System.out.println("http-fuzz: seed " + seed + ": " + fuzz.stats.snapshot());
          }
          return 0;
        });
  }

  private void drive(FuzzRequests requests, long periodNanos, long endNanos) {
    long due = System.nanoTime();
    while (System.nanoTime() - endNanos < 0) {
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      due = Math.max(due + periodNanos, System.nanoTime() - periodNanos);
      FuzzRequest request = requests.next();
      RawHttp.Answer answer =
          RawHttp.send("127.0.0.1", port, request.bytes("127.0.0.1:" + port), timeoutMillis);
      count(request, answer);
    }
  }

  private void count(FuzzRequest request, RawHttp.Answer answer) {
    stats.add("kind." + request.kind());
    if (!answer.answered()) {
      stats.add("error." + answer.problem().replace(' ', '_'));
      stats.add("no_answer." + request.kind());
      if (!request.kind().equals("malformed")) {
        log("NO ANSWER (" + answer.problem() + ")", request, answer);
      }
      return;
    }
    stats.answer(answer.status(), answer.hasHeader("Retry-After"));
    stats.add("kind." + request.kind() + "." + answer.status());
    if (answer.status() >= 500) {
      log("HTTP " + answer.status(), request, answer);
    }
    if (answer.status() / 100 == 2) {
      Matcher id = EVENT_ID.matcher(answer.body());
      Matcher jobs = JOBS.matcher(answer.body());
      if (id.find() && jobs.find()) {
        write(accepted, id.group(1) + "\t" + jobs.group(1) + "\n");
      }
    }
  }

  private void log(String what, FuzzRequest request, RawHttp.Answer answer) {
    if (logged.incrementAndGet() > MAX_LOGGED) {
      return;
    }
    String head = answer.head().replace("\r\n", "\n    ");
    String body = answer.body().length() > 500 ? answer.body().substring(0, 500) : answer.body();
    write(
        failures,
        "== "
            + what
            + " at "
            + java.time.Instant.now()
            + "\n  "
            + request.describe("127.0.0.1:" + port)
            + "\n  answer: "
            + head
            + "\n    "
            + body
            + "\n");
  }

  private static void write(BufferedWriter out, String text) {
    synchronized (out) {
      try {
        out.write(text);
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
