package dev.qhook.reliability;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
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
  private final AtomicInteger deaths = new AtomicInteger();
  private static final FuzzRequest END =
      new FuzzRequest("end", "", "", List.of(), new byte[0], false, null);

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
            // jqwik's session is not shared between threads: one thread generates, others send.
            BlockingQueue<FuzzRequest> queue = new ArrayBlockingQueue<>(64);
            FuzzRequests requests = new FuzzRequests(new Gen(seed), receiverPort);
            Thread generator =
                new Thread(() -> fuzz.generate(requests, queue, end, threads), "fuzz-generator");
            List<Thread> running = new ArrayList<>(List.of(generator));
            long period = 1_000_000_000L * threads / rate;
            for (int t = 0; t < threads; t++) {
              running.add(new Thread(() -> fuzz.drive(queue, period), "fuzz-" + t));
            }
            running.forEach(t -> t.setUncaughtExceptionHandler(fuzz::died));
            running.forEach(Thread::start);
            for (Thread thread : running) {
              thread.join();
            }
            fuzz.stats.write(Path.of(args.get("stats")));
            System.out.println("http-fuzz: seed " + seed + ": " + fuzz.stats.snapshot());
            return fuzz.deaths.get() == 0 ? 0 : 1;
          }
        });
  }

  /** Fills the queue until the end, then puts one {@link #END} per sender. */
  private void generate(
      FuzzRequests requests, BlockingQueue<FuzzRequest> queue, long endNanos, int senders) {
    try {
      while (System.nanoTime() - endNanos < 0) {
        queue.offer(requests.next(), 1, TimeUnit.SECONDS);
      }
      queue.clear();
      for (int i = 0; i < senders; i++) {
        queue.put(END);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void died(Thread thread, Throwable failure) {
    deaths.incrementAndGet();
    System.err.println("http-fuzz: " + thread.getName() + " died:");
    failure.printStackTrace();
  }

  private void drive(BlockingQueue<FuzzRequest> queue, long periodNanos) {
    long due = System.nanoTime();
    while (true) {
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      due = Math.max(due + periodNanos, System.nanoTime() - periodNanos);
      FuzzRequest request;
      try {
        request = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (request == END) {
        return;
      }
      // A malformed request may leave the server waiting for the rest (a bare LF as line end):
      // that is not worth a sender's 10 s.
      int timeout =
          request.kind().equals("malformed") ? Math.min(3000, timeoutMillis) : timeoutMillis;
      RawHttp.Answer answer =
          RawHttp.send("127.0.0.1", port, request.bytes("127.0.0.1:" + port), timeout);
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
    if (answer.status() == 502 && answer.body().contains("\"subscription_failed\"")) {
      stats.add(ProducerStats.EXPECTED_5XX); // documented: confirming an SNS subscription failed
    } else if (answer.status() >= 500) {
      log("HTTP " + answer.status(), request, answer);
    }
    if (answer.status() / 100 == 2) {
      Matcher id = EVENT_ID.matcher(answer.body());
      Matcher jobs = JOBS.matcher(answer.body());
      if (id.find() && jobs.find()) {
        write(accepted, id.group(1) + "\t" + jobs.group(1) + "\n");
      } else if (answer.body().contains("event_id") && !request.kind().equals("api")) {
        stats.add("unparsed_2xx." + request.kind());
        log("UNPARSED 2xx", request, answer);
      }
    }
  }

  private void log(String what, FuzzRequest request, RawHttp.Answer answer) {
    if (logged.incrementAndGet() > MAX_LOGGED) {
      return;
    }
    String head = FuzzRequest.visible(answer.head().replace("\r\n", "\n    "));
    String body =
        FuzzRequest.visible(
            answer.body().length() > 500 ? answer.body().substring(0, 500) : answer.body());
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
