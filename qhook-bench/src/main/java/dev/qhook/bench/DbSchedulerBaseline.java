package dev.qhook.bench;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * The push-delivery baseline: db-scheduler executing no-op one-time tasks on PostgreSQL with its
 * lock-and-fetch polling. The tasks are scheduled first (in batches, before any scheduler runs);
 * the rate is tasks divided by the time from {@code Scheduler.start()} to the last execution.
 *
 * <p>With {@code --warmup N}, whole rounds of N tasks ({@code --warmup-rounds}, default 1) run
 * first in the same JVM and are not measured (as in {@link PushDeliveryRun}).
 *
 * <p>{@code DbSchedulerBaseline --url jdbc:postgresql://... --tasks 50000 --warmup 10000 --threads
 * 16 --out measurements.tsv}
 */
public final class DbSchedulerBaseline {
  private static final String TABLE = "scheduled_tasks";

  /** The same timed poll as qhook's dispatcher; lock-and-fetch refills on its own in between. */
  private static final Duration POLLING_INTERVAL = Duration.ofMillis(500);

  private DbSchedulerBaseline() {}

  public static void main(String[] argv) {
    Cli.run(
        "db-scheduler-baseline",
        () -> {
          Args args =
              Args.parse(
                  argv,
                  "url",
                  "tasks",
                  "warmup",
                  "warmup-rounds",
                  "threads",
                  "out",
                  "key",
                  "stats-key");
          int tasks = args.getInt("tasks", 50_000);
          int threads = args.getInt("threads", 16);
          int warmup = args.getInt("warmup", 0);
          int warmupRounds = warmup > 0 ? args.getInt("warmup-rounds", 1) : 0;
          for (int round = 1; round <= warmupRounds; round++) {
            System.out.printf("warm-up round %d (not measured): %d tasks%n", round, warmup);
            run(args.get("url"), warmup, threads);
            Settle.vacuum(args.get("url"), new Properties());
          }
          String statsKey = args.get("stats-key", "");
          if (statsKey.isEmpty()) {
            double rate = run(args.get("url"), tasks, threads);
            Measurements.append(
                Path.of(args.get("out")), args.get("key", "push.dbscheduler.rate"), rate);
            return;
          }
          // The database's work per execution (scheduling it, picking it, removing it).
          try (PgStats stats = new PgStats(args.get("url"))) {
            PgStats.Snapshot before = stats.snapshot();
            run(args.get("url"), tasks, threads);
            Thread.sleep(1_000); // closed backends report their counters as they exit
            System.out.printf("db-scheduler, %d executions; per execution:%n", tasks);
            PgStats.record(before, stats.snapshot(), tasks, Path.of(args.get("out")), statsKey);
          }
        });
  }

  /** Executions per second. */
  static double run(String jdbcUrl, int tasks, int threads) throws Exception {
    try (HikariDataSource dataSource = pool(jdbcUrl, threads + 4)) {
      createTable(dataSource);
      AtomicInteger executed = new AtomicInteger();
      OneTimeTask<Void> noop =
          Tasks.oneTime("bench-noop").execute((instance, context) -> executed.incrementAndGet());
      scheduleAll(dataSource, noop, tasks);

      Scheduler scheduler =
          Scheduler.create(dataSource, noop)
              .threads(threads)
              .pollUsingLockAndFetch(0.5, 3.0)
              .pollingInterval(POLLING_INTERVAL)
              .build();
      long started = System.nanoTime();
      scheduler.start();
      try {
        Duration bound = Bounds.forRate(tasks, 500);
        if (!Bounds.await(() -> executed.get() >= tasks, bound)) {
          throw new IllegalStateException(
              "db-scheduler executed " + executed.get() + " of " + tasks + " within " + bound);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
            "db-scheduler: %d executions in %.2f s with %d threads%n", tasks, seconds, threads);
        return tasks / seconds;
      } finally {
        scheduler.stop();
      }
    }
  }

  private static HikariDataSource pool(String jdbcUrl, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setMaximumPoolSize(size);
    config.setPoolName("db-scheduler-bench");
    return new HikariDataSource(config);
  }

  private static void scheduleAll(DataSource dataSource, OneTimeTask<Void> task, int tasks) {
    SchedulerClient client = SchedulerClient.Builder.create(dataSource, task).build();
    Instant due = Instant.now();
    List<TaskInstance<?>> batch = new ArrayList<>();
    for (int i = 0; i < tasks; i++) {
      batch.add(task.instance("task-" + i));
      if (batch.size() == 1000 || i == tasks - 1) {
        client.scheduleBatch(batch, due);
        batch.clear();
      }
    }
  }

  /** db-scheduler's table for PostgreSQL, recreated empty for every run. */
  private static void createTable(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement sql = connection.createStatement()) {
      sql.execute("DROP TABLE IF EXISTS " + TABLE);
      sql.execute(
          "CREATE TABLE "
              + TABLE
              + " (task_name TEXT NOT NULL, task_instance TEXT NOT NULL, task_data BYTEA,"
              + " execution_time TIMESTAMP WITH TIME ZONE NOT NULL, picked BOOLEAN NOT NULL,"
              + " picked_by TEXT, last_success TIMESTAMP WITH TIME ZONE,"
              + " last_failure TIMESTAMP WITH TIME ZONE, consecutive_failures INT,"
              + " last_heartbeat TIMESTAMP WITH TIME ZONE, version BIGINT NOT NULL,"
              + " priority SMALLINT, PRIMARY KEY (task_name, task_instance))");
      sql.execute("CREATE INDEX execution_time_idx ON " + TABLE + " (execution_time)");
      sql.execute("CREATE INDEX last_heartbeat_idx ON " + TABLE + " (last_heartbeat)");
      sql.execute(
          "CREATE INDEX priority_execution_time_idx ON "
              + TABLE
              + " (priority DESC, execution_time ASC)");
    }
  }
}
