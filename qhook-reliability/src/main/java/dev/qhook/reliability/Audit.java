package dev.qhook.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ends a scenario: waits (bounded) until the server has no open job and everything acknowledged was
 * delivered, then compares what the producers (or the fuzzer) saw acknowledged with what the
 * receiver got ({@link Ledger}), audits every job ({@link JobAudit}), and appends one row to the
 * results ({@link ResultRow}). Exits {@link Cli#CHECKS_FAILED} when a check failed: anything lost,
 * an unexpected 5xx, a job that breaks a rule, a key stored twice, or nothing acknowledged at all.
 * In {@code --mode jobs} (the fuzz, which also calls the retry routes) jobs may have been retried
 * by hand, so their counters are checked less strictly ({@link JobAudit#audit}).
 *
 * <p>{@code Audit --scenario kill9 --store sqlite --mode keys --accepted a.tsv --received r.tsv
 * --stats s.tsv --api http://127.0.0.1:19400 --wait 300 --results results.tsv}
 */
public final class Audit {
  private final QhookApi api;
  private final Options options;

  record Options(
      String scenario,
      String store,
      boolean byJobs,
      List<Path> accepted,
      Path received,
      Path stats,
      Duration drainWait,
      boolean excuseDead,
      boolean all5xx,
      boolean breakerSkips,
      boolean answersRequired,
      String note,
      String failure,
      Path results,
      Path details) {}

  private Audit(QhookApi api, Options options) {
    this.api = api;
    this.options = options;
  }

  public static void main(String[] argv) {
    Cli.run(
        "audit",
        () -> {
          Args args =
              Args.parse(
                  argv,
                  "scenario",
                  "store",
                  "mode",
                  "accepted",
                  "received",
                  "stats",
                  "api",
                  "wait",
                  "excuse-dead",
                  "answers-required",
                  "all-5xx",
                  "breaker-skips",
                  "note",
                  "results",
                  "details",
                  "token",
                  "failure");
          Options options =
              new Options(
                  args.get("scenario"),
                  args.get("store"),
                  args.get("mode", "keys").equals("jobs"),
                  Arrays.stream(args.get("accepted").split(",")).map(Path::of).toList(),
                  Path.of(args.get("received")),
                  Path.of(args.get("stats")),
                  Duration.ofSeconds(args.getInt("wait", 300)),
                  Boolean.parseBoolean(args.get("excuse-dead", "false")),
                  Boolean.parseBoolean(args.get("all-5xx", "false")),
                  Boolean.parseBoolean(args.get("breaker-skips", "false")),
                  Boolean.parseBoolean(args.get("answers-required", "false")),
                  args.get("note", ""),
                  args.get("failure", ""),
                  Path.of(args.get("results")),
                  Path.of(args.get("details")));
          return new Audit(new QhookApi(args.get("api"), args.get("token", "")), options).run();
        });
  }

  private int run() throws Exception {
    long started = System.nanoTime();
    boolean drained = awaitDrained();
    long drainSeconds = (System.nanoTime() - started) / 1_000_000_000L;
    Thread.sleep(500); // the receiver flushes every 100 ms

    JobAudit.Findings findings;
    String unreachable = "";
    try {
      findings = JobAudit.audit(api.jobs(null), api::attempts, options.byJobs());
    } catch (IOException e) {
      findings = new JobAudit.Findings(0, 0, Set.of(), Map.of(), List.of());
      unreachable = "the management API did not answer: " + e;
    }
    Ledger.Tally tally = tally(options.excuseDead() ? findings.deadByConfig() : Set.of());
    ProducerStats stats = ProducerStats.read(options.stats());
    long fivexx = options.all5xx() ? stats.undocumented5xx() : stats.unexpected5xx();

    List<String> failures = new ArrayList<>();
    if (!options.failure().isBlank()) {
      failures.add(options.failure());
    }
    if (!unreachable.isEmpty()) {
      failures.add(unreachable);
    }
    if (tally.accepted() == 0) {
      failures.add("nothing was acknowledged");
    }
    if (tally.lost() > 0) {
      failures.add(tally.lost() + " lost, e.g. " + tally.lostSample());
    }
    if (fivexx > 0) {
      failures.add(fivexx + (options.all5xx() ? " answers 5xx" : " unexpected answers 5xx"));
    }
    if (tally.splitKeys() > 0) {
      failures.add(tally.splitKeys() + " keys stored as more than one event");
    }
    long unanswered = stats.get("error.timeout") + stats.get("error.io");
    if (options.answersRequired() && unanswered > 0) {
      failures.add(
          unanswered + " requests got no answer (timed out or cut off) from a running server");
    }
    if (stats.get("rejected") > 0) {
      failures.add(stats.get("rejected") + " producer requests refused with a 4xx");
    }
    if (!findings.violations().isEmpty()) {
      failures.add(
          findings.violations().size()
              + " jobs break a rule, e.g. "
              + findings.violations().get(0));
    }

    List<String> notes = new ArrayList<>();
    if (!options.note().isEmpty()) {
      notes.add(options.note());
    }
    notes.addAll(answerNotes(stats));
    if (tally.unacknowledged() > 0) {
      notes.add(tally.unacknowledged() + " unacknowledged keys delivered too");
    }
    if (tally.excused() > 0 || !findings.deadErrors().isEmpty()) {
      notes.add(
          "dead: "
              + findings.deadErrors()
              + (options.excuseDead() ? " (" + tally.excused() + " by retry config)" : ""));
    }
    if (options.breakerSkips()) {
      notes.add(
          String.format(
              "%.0f deliveries skipped by the open breaker",
              api.metric("qhook_circuit_breaker_rejected_total")));
    }
    if (findings.violations().isEmpty() && findings.jobs() > 0) {
      notes.add(
          options.byJobs()
              ? "no job has fewer recorded attempts than its counter"
              : "every job's attempt counter equals its recorded attempts");
    }
    notes.add(
        drained
            ? "drained in " + drainSeconds + " s"
            : "NOT drained within "
                + options.drainWait().toSeconds()
                + " s: "
                + findings.open()
                + " jobs still open (undelivered, so counted as lost)");
    if (!failures.isEmpty()) {
      notes.add("FAILED: " + String.join("; ", failures));
    }

    ResultRow row =
        new ResultRow(
            options.scenario(),
            options.store(),
            Long.toString(tally.accepted()),
            Long.toString(tally.delivered()),
            Long.toString(tally.lost()),
            Long.toString(tally.duplicates()),
            Long.toString(fivexx),
            failures.isEmpty(),
            String.join("; ", notes));
    ResultRow.append(options.results(), row);
    writeDetails(tally, findings, stats);
    System.out.println(row.markdown());
    return failures.isEmpty() ? 0 : Cli.CHECKS_FAILED;
  }

  /**
   * Until no job is open (every job completed or dead) at two polls a second apart, or the wait is
   * over. A completed job was answered 200 by the receiver, which has recorded it by then.
   */
  private boolean awaitDrained() throws Exception {
    long deadline = System.nanoTime() + options.drainWait().toNanos();
    int quiet = 0;
    while (true) {
      boolean open;
      try {
        open = api.anyJob("available") || api.anyJob("retryable") || api.anyJob("running");
      } catch (IOException e) {
        open = true; // not answering (yet): keep waiting
      }
      quiet = open ? 0 : quiet + 1;
      if (quiet >= 2) {
        return true;
      }
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      Thread.sleep(1000);
    }
  }

  private Ledger.Tally tally(Set<String> excused) throws Exception {
    List<Ledger.Received> received = Ledger.readReceived(options.received());
    if (!options.byJobs()) {
      return Ledger.ofKeys(Ledger.readAccepted(options.accepted()), received, excused);
    }
    Map<String, Integer> jobs = new HashMap<>();
    Ledger.readAccepted(options.accepted())
        .forEach((event, count) -> jobs.merge(event, Integer.parseInt(count), Math::max));
    return Ledger.ofJobs(jobs, received, excused);
  }

  /** The answers worth a note: back-pressure, requests without an answer, given-up keys. */
  static List<String> answerNotes(ProducerStats stats) {
    List<String> notes = new ArrayList<>();
    long requests = 0;
    for (Map.Entry<String, Long> e : stats.snapshot().entrySet()) {
      if (e.getKey().startsWith("status.") || e.getKey().startsWith("error.")) {
        requests += e.getValue();
      }
    }
    notes.add(requests + " requests");
    long retryAfter503 = stats.get("retry_after.503");
    if (stats.get("status.503") > 0) {
      notes.add(stats.get("status.503") + " answered 503 (" + retryAfter503 + " with Retry-After)");
    }
    long refused = stats.get("error.refused");
    long timeouts = stats.get("error.timeout");
    long io = stats.get("error.io");
    if (refused + timeouts + io > 0) {
      notes.add(
          "no answer: " + refused + " refused, " + io + " cut off, " + timeouts + " timed out");
    }
    if (stats.get("accepted_as_duplicate") > 0) {
      notes.add(stats.get("accepted_as_duplicate") + " retries answered duplicate");
    }
    if (stats.get("abandoned") > 0) {
      notes.add(stats.get("abandoned") + " keys still unacknowledged at the end (not owed)");
    }
    return notes;
  }

  private void writeDetails(Ledger.Tally tally, JobAudit.Findings findings, ProducerStats stats)
      throws Exception {
    StringBuilder text = new StringBuilder();
    text.append("scenario ").append(options.scenario()).append(" on ").append(options.store());
    text.append("\ntally ").append(tally);
    text.append("\njobs ").append(findings.jobs()).append(", open ").append(findings.open());
    text.append("\ndead by last_error ").append(findings.deadErrors());
    text.append("\nanswers ").append(stats.snapshot());
    text.append("\nviolations:\n");
    findings.violations().forEach(v -> text.append("  ").append(v).append('\n'));
    Files.writeString(options.details(), text, StandardCharsets.UTF_8);
  }
}
