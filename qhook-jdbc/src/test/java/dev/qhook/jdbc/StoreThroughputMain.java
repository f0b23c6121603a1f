package dev.qhook.jdbc;

import static dev.qhook.testkit.store.StoreFixtures.at;
import static dev.qhook.testkit.store.StoreFixtures.claimAll;
import static dev.qhook.testkit.store.StoreFixtures.event;
import static dev.qhook.testkit.store.StoreFixtures.handlerJob;
import static dev.qhook.testkit.store.StoreFixtures.newEvent;
import static dev.qhook.testkit.store.StoreFixtures.success;

import dev.qhook.spi.ClaimedJob;
import dev.qhook.spi.Completion;
import dev.qhook.spi.NewEvent;
import dev.qhook.spi.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A hand-run throughput probe of the batch paths (not a test: nothing is asserted). Appends {@code
 * events} events with one job each in batches, claims them all in batches, completes them all in
 * batches, and prints rows/s of each phase.
 *
 * <p>Arguments: {@code sqlite|postgres [events] [batch] [percent of events with a unique key]};
 * PostgreSQL needs {@code QHOOK_TEST_POSTGRES_URL}.
 */
public final class StoreThroughputMain {
  private StoreThroughputMain() {}

  public static void main(String[] args) throws Exception {
    String database = args.length > 0 ? args[0] : "sqlite";
    int events = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
    int batch = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    int keyedPercent = args.length > 3 ? Integer.parseInt(args[3]) : 50;
    PostgresTestDatabase postgres = new PostgresTestDatabase();
    Path dir = Files.createTempDirectory("qhook-throughput");
    Store store =
        database.equals("postgres")
            ? postgres.freshStore()
            : JdbcStore.sqlite(dir.resolve("qhook.db"));
    try {
      store.migrate();
      run(store, database, events, batch, keyedPercent);
    } finally {
      store.close();
      if (database.equals("postgres")) {
        postgres.drop();
      }
    }
  }

  private static void run(Store store, String database, int events, int batch, int keyedPercent) {
    long start = System.nanoTime();
    for (int done = 0; done < events; done += batch) {
      List<NewEvent> list = new ArrayList<>(batch);
      for (int i = 0; i < batch; i++) {
        list.add(
            newEvent(
                event(
                    "bench", "t", (done + i) % 100 < keyedPercent ? "k" + (done + i) : null, at(0)),
                handlerJob("h", at(0))));
      }
      store.append(list);
    }
    report(database, "append", events, start);

    start = System.nanoTime();
    List<ClaimedJob> claimed = new ArrayList<>(events);
    while (true) {
      List<ClaimedJob> some = store.claim(claimAll(at(1), batch));
      if (some.isEmpty()) {
        break;
      }
      claimed.addAll(some);
    }
    report(database, "claim", claimed.size(), start);

    start = System.nanoTime();
    for (int from = 0; from < claimed.size(); from += batch) {
      List<Completion> list = new ArrayList<>(batch);
      for (ClaimedJob job : claimed.subList(from, Math.min(claimed.size(), from + batch))) {
        list.add(new Completion.Succeeded(job.job().id(), 1, success(1, at(2))));
      }
      store.complete(list);
    }
    report(database, "complete", claimed.size(), start);
  }

  private static void report(String database, String phase, int rows, long startNanos) {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "%-8s %-8s %7d rows %7.2f s %9.0f rows/s%n",
        database,
        phase,
        rows,
        seconds,
        rows / seconds);
  }
}
