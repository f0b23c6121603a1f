package dev.qhook.bench;

import dev.qhook.internal.transport.ApacheHttpTransport;
import dev.qhook.internal.transport.SsrfGuard;
import dev.qhook.spi.TransportRequest;
import dev.qhook.spi.TransportResult;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * The steady-load scenario: events arrive at a fixed rate while earlier ones are delivered, as they
 * do on a gateway's ordinary day. An {@link OpenLoopSender} posts to a running qhook whose handler
 * is a {@link Receiver} in this JVM; every event is timed from the moment its POST was due, to its
 * 202 and to its first arrival at the receiver.
 *
 * <ul>
 *   <li>{@code --mode capacity}: after a warm-up, steps the rate up by {@code --factor} from {@code
 *       --from} for {@code --step-seconds} each; a step holds when no POST fails and the events
 *       sent but not yet delivered never exceed one second's worth during its second half. The
 *       sustained capacity C is the highest rate that held. Then measures latency for {@code
 *       --load-seconds} at 10, 25, 50 and 75 % of C and at {@code --fixed-rate} (when below C).
 *       After a step that fell behind, the windows wait until its backlog is delivered. With {@code
 *       --capacity C} the search is skipped.
 *   <li>{@code --mode cold}: waits for {@code /ready} of a server being started, then sends at
 *       {@code --rate} for {@code --seconds}, and reports latency per second after ready.
 * </ul>
 *
 * <p>{@code SteadyRun --mode capacity --target http://127.0.0.1:19101 --receiver-port 19102 --from
 * 500 --key steady.sqlite --out measurements.tsv}
 */
public final class SteadyRun {
  private static final int[] LOAD_PERCENTS = {10, 25, 50, 75};
  private static final Duration DRAIN = Duration.ofSeconds(30);

  private final URI target;
  private final Receiver receiver;
  private final String key;
  private final Path out;
  private long nextSeq;
  private int lost;

  private SteadyRun(URI target, Receiver receiver, String key, Path out) {
    this.target = target;
    this.receiver = receiver;
    this.key = key;
    this.out = out;
  }

  public static void main(String[] argv) {
    Cli.run(
        "steady",
        () -> {
          Args args =
              Args.parse(
                  argv,
                  "mode",
                  "target",
                  "receiver-port",
                  "from",
                  "factor",
                  "max",
                  "warmup-seconds",
                  "step-seconds",
                  "load-seconds",
                  "fixed-rate",
                  "capacity",
                  "rate",
                  "seconds",
                  "generator-warmup-seconds",
                  "key",
                  "out");
          URI target = URI.create(args.get("target"));
          try (Receiver receiver = Receiver.start(args.getInt("receiver-port", 19102), true)) {
            SteadyRun run =
                new SteadyRun(target, receiver, args.get("key"), Path.of(args.get("out")));
            switch (args.get("mode")) {
              case "capacity" ->
                  run.capacity(
                      args.getInt("from", 500),
                      Double.parseDouble(args.get("factor", "1.2")),
                      args.getInt("max", 20_000),
                      args.getInt("warmup-seconds", 30),
                      args.getInt("step-seconds", 60),
                      args.getInt("load-seconds", 30),
                      args.getInt("fixed-rate", 1000),
                      args.getInt("capacity", 0));
              case "cold" ->
                  run.cold(
                      args.getInt("rate", 250),
                      args.getInt("seconds", 30),
                      args.getInt("generator-warmup-seconds", 0));
              default -> throw new IllegalArgumentException("--mode is capacity or cold");
            }
          }
        });
  }

  /**
   * @param knownCapacity when above 0, the capacity of an earlier run: no search, only the latency
   *     windows
   */
  private void capacity(
      int from,
      double factor,
      int max,
      int warmup,
      int stepSeconds,
      int loadSeconds,
      int fixed,
      int knownCapacity)
      throws Exception {
    awaitReady(Duration.ofSeconds(60));
    if (warmup > 0) {
      Window w = send(Math.max(1, from / 2), warmup);
      System.out.printf(Locale.ROOT, "steady: warm-up %s%n", w.summary());
    }
    int capacity = knownCapacity;
    boolean search = knownCapacity == 0;
    for (double rate = from; search && rate <= max; rate *= factor) {
      Window w = send((int) rate, stepSeconds);
      boolean held = w.held();
      System.out.printf(
          Locale.ROOT, "steady: step %s -> %s%n", w.summary(), held ? "held" : "fell behind");
      if (!held) {
        // The latency windows below must not measure the catch-up of this step's backlog.
        awaitRecovered(w);
        break;
      }
      capacity = (int) rate;
    }
    if (capacity == 0) {
      throw new IllegalStateException(
          "even the first step (" + from + "/s) fell behind; start lower with --from");
    }
    if (search) {
      Measurements.append(out, key + ".capacity", capacity);
    }
    for (int percent : LOAD_PERCENTS) {
      Window w = send(Math.max(1, capacity * percent / 100), loadSeconds);
      System.out.printf(Locale.ROOT, "steady: %d %% of C: %s%n", percent, w.summary());
      w.record(key + ".at" + percent);
    }
    if (fixed > 0 && fixed < capacity) {
      Window w = send(fixed, loadSeconds);
      System.out.printf(Locale.ROOT, "steady: fixed rate: %s%n", w.summary());
      w.record(key + ".fixed");
    }
    Measurements.append(out, key + ".lost", lost);
  }

  /** Waits until every event of {@code w} was delivered (at most 10 minutes), then 10 s more. */
  private static void awaitRecovered(Window w) throws InterruptedException {
    if (!Bounds.await(w::allDelivered, Duration.ofMinutes(10))) {
      System.out.println("steady: the backlog of the last step was not delivered in 10 minutes");
    }
    Thread.sleep(10_000); // outcomes written, checkpoints and vacuums done
  }

  private void cold(int rate, int seconds, int generatorWarmup) throws Exception {
    if (generatorWarmup > 0) {
      warmGenerator(rate, generatorWarmup);
      System.out.println("steady: generator warm"); // the kit starts the server on this line
    }
    awaitReady(Duration.ofSeconds(120));
    Window w = send(rate, seconds);
    System.out.printf(Locale.ROOT, "steady: cold start: %s%n", w.summary());
    List<Histogram> perSecond = w.perSecond();
    double worst = 0;
    StringBuilder line = new StringBuilder("steady: p99 ms per second after ready:");
    for (Histogram h : perSecond) {
      double p99 = h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(99) / 1000.0;
      worst = Math.max(worst, p99);
      line.append(String.format(Locale.ROOT, " %.1f", p99));
    }
    System.out.println(line);
    w.record(key + ".cold");
    Measurements.append(out, key + ".cold.worst_second_p99_ms", worst);
  }

  /**
   * Runs this JVM's own sender and receiver at {@code rate} for {@code seconds}, posting to the
   * receiver directly, so that a cold start measures the server's warm-up and not the generator's:
   * a user's senders and handlers are running services, not JVMs started with the server.
   */
  private void warmGenerator(int rate, int seconds) throws Exception {
    OpenLoopSender.Listener ignore =
        new OpenLoopSender.Listener() {
          @Override
          public void answered(long seq, long dueNanos, int status, String body, long nowNanos) {}

          @Override
          public void failed(long seq, long dueNanos, String reason) {}
        };
    int count = rate * seconds;
    try (OpenLoopSender sender =
        new OpenLoopSender(
            new InetSocketAddress("127.0.0.1", receiver.port()),
            "/warm-up",
            Payloads::event,
            ignore)) {
      sender.run(0, count, System.nanoTime(), 1_000_000_000L / rate, DRAIN.toNanos());
    }
  }

  private void awaitReady(Duration atMost) throws Exception {
    TransportRequest ready =
        new TransportRequest(
            "GET", target.resolve("/ready"), Map.of(), new byte[0], Duration.ofSeconds(1));
    try (ApacheHttpTransport http =
        new ApacheHttpTransport(
            new SsrfGuard(true, InetAddress::getAllByName, address -> false), 1)) {
      long deadline = System.nanoTime() + atMost.toNanos();
      while (System.nanoTime() - deadline < 0) {
        if (http.send(ready) instanceof TransportResult.Response r && r.status() == 200) {
          return;
        }
        Thread.sleep(5);
      }
    }
    throw new IllegalStateException(target + "/ready did not answer 200 within " + atMost);
  }

  /** Sends at {@code rate} for {@code seconds} and waits for the deliveries (bounded). */
  private Window send(int rate, int seconds) throws Exception {
    Window w = new Window(rate, seconds, receiver.distinctEvents());
    Thread sampler = new Thread(w::sampleWaiting, "steady-sampler");
    sampler.setDaemon(true);
    try (OpenLoopSender sender =
        new OpenLoopSender(
            new InetSocketAddress(target.getHost(), target.getPort()),
            BenchConfig.INGEST_PATH,
            Payloads::event,
            w)) {
      sampler.start();
      int unanswered = sender.run(nextSeq, w.count, w.startNanos, w.periodNanos, DRAIN.toNanos());
      w.failures.addAndGet(unanswered);
    } finally {
      w.sending = false;
      sampler.join();
    }
    nextSeq += w.count;
    Bounds.await(w::allDelivered, DRAIN);
    lost += w.lost();
    return w;
  }

  /** One stretch of sending at one rate, and what became of its events. */
  private final class Window implements OpenLoopSender.Listener {
    final int rate;
    final int count;
    final long periodNanos;
    final long startNanos;
    final long deliveredBefore;
    final Map<String, Long> dueByEvent = new ConcurrentHashMap<>();
    final Histogram answeredMicros = new Histogram(120_000_000L, 3);
    final AtomicInteger failures = new AtomicInteger();
    final Map<String, AtomicInteger> failureReasons = new ConcurrentHashMap<>();
    final AtomicLong mostWaitingLateHalf = new AtomicLong();
    volatile boolean sending = true;

    Window(int rate, int seconds, long deliveredBefore) {
      this.rate = rate;
      this.count = rate * seconds;
      this.periodNanos = 1_000_000_000L / rate;
      this.startNanos = System.nanoTime() + 20_000_000L;
      this.deliveredBefore = deliveredBefore;
    }

    @Override
    public void answered(long seq, long dueNanos, int status, String body, long nowNanos) {
      int at = body.indexOf("\"event_id\":\"");
      if (status != 202 || at < 0) {
        failed(seq, dueNanos, "status " + status);
        return;
      }
      int from = at + "\"event_id\":\"".length();
      dueByEvent.put(body.substring(from, body.indexOf('"', from)), dueNanos);
      answeredMicros.recordValue(Math.max(0, (nowNanos - dueNanos) / 1000));
    }

    @Override
    public void failed(long seq, long dueNanos, String reason) {
      failures.incrementAndGet();
      failureReasons.computeIfAbsent(reason, r -> new AtomicInteger()).incrementAndGet();
    }

    /**
     * Every 100 ms while sending: events due so far and not yet delivered. Only the second half of
     * the window counts toward {@link #held()}, after the backlog of a faster rate settled.
     */
    void sampleWaiting() {
      long half = startNanos + count * periodNanos / 2;
      while (sending) {
        long now = System.nanoTime();
        long due = Math.min(count, Math.max(0, (now - startNanos) / periodNanos + 1));
        long waiting = due - (receiver.distinctEvents() - deliveredBefore);
        if (now - half > 0) {
          mostWaitingLateHalf.accumulateAndGet(waiting, Math::max);
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    boolean allDelivered() {
      return receiver.distinctEvents() - deliveredBefore >= dueByEvent.size();
    }

    /** No failure, and never more than a second's worth of events waiting in the second half. */
    boolean held() {
      return failures.get() == 0 && mostWaitingLateHalf.get() <= rate && allDelivered();
    }

    Histogram endToEnd() {
      Histogram micros = new Histogram(120_000_000L, 3);
      for (Map.Entry<String, Long> e : dueByEvent.entrySet()) {
        Long arrived = receiver.arrivalNanos(e.getKey());
        if (arrived != null) {
          micros.recordValue(Math.max(0, (arrived - e.getValue()) / 1000));
        }
      }
      return micros;
    }

    /** End-to-end latency of the events due in each second of the window. */
    List<Histogram> perSecond() {
      List<Histogram> seconds = new ArrayList<>();
      for (int s = 0; s < (count + rate - 1) / rate; s++) {
        seconds.add(new Histogram(120_000_000L, 3));
      }
      for (Map.Entry<String, Long> e : dueByEvent.entrySet()) {
        Long arrived = receiver.arrivalNanos(e.getKey());
        int second = (int) ((e.getValue() - startNanos) / 1_000_000_000L);
        if (arrived != null && second < seconds.size()) {
          seconds.get(second).recordValue(Math.max(0, (arrived - e.getValue()) / 1000));
        }
      }
      return seconds;
    }

    int lost() {
      long delivered = 0;
      for (String id : dueByEvent.keySet()) {
        if (receiver.arrivalNanos(id) != null) {
          delivered++;
        }
      }
      return failures.get() + (int) (dueByEvent.size() - delivered);
    }

    void record(String prefix) throws java.io.IOException {
      Histogram e2e = endToEnd();
      Measurements.append(out, prefix + ".rate", rate);
      Measurements.append(out, prefix + ".p50_ms", e2e.getValueAtPercentile(50) / 1000.0);
      Measurements.append(out, prefix + ".p99_ms", e2e.getValueAtPercentile(99) / 1000.0);
      Measurements.append(out, prefix + ".max_ms", e2e.getMaxValue() / 1000.0);
      Measurements.append(
          out, prefix + ".ingest_p99_ms", answeredMicros.getValueAtPercentile(99) / 1000.0);
      Measurements.append(out, prefix + ".lost", lost());
    }

    String summary() {
      Histogram e2e = endToEnd();
      return String.format(
          Locale.ROOT,
          "%d/s for %d s: end-to-end p50 %.1f p99 %.1f max %.1f ms, 202 p99 %.1f ms,"
              + " most waiting %d, failed %d %s",
          rate,
          count / rate,
          e2e.getValueAtPercentile(50) / 1000.0,
          e2e.getValueAtPercentile(99) / 1000.0,
          e2e.getMaxValue() / 1000.0,
          answeredMicros.getValueAtPercentile(99) / 1000.0,
          mostWaitingLateHalf.get(),
          failures.get(),
          failureReasons.isEmpty() ? "" : failureReasons.toString());
    }
  }
}
