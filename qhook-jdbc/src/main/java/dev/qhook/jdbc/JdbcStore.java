package dev.qhook.jdbc;

import static java.util.Objects.requireNonNull;

import dev.qhook.config.DatabaseConfig;
import dev.qhook.config.DatabaseDriver;
import dev.qhook.jdbc.internal.Database;
import dev.qhook.jdbc.internal.DatabaseUrls;
import dev.qhook.jdbc.internal.Dialect;
import dev.qhook.jdbc.internal.Durability;
import dev.qhook.jdbc.internal.EventReader;
import dev.qhook.jdbc.internal.EventWriter;
import dev.qhook.jdbc.internal.JdbcQueues;
import dev.qhook.jdbc.internal.JdbcRuns;
import dev.qhook.jdbc.internal.JobAppender;
import dev.qhook.jdbc.internal.JobClaimer;
import dev.qhook.jdbc.internal.JobCompleter;
import dev.qhook.jdbc.internal.JobReader;
import dev.qhook.jdbc.internal.JobRetrier;
import dev.qhook.jdbc.internal.LeaseKeeper;
import dev.qhook.jdbc.internal.Migrations;
import dev.qhook.jdbc.internal.MysqlDatabase;
import dev.qhook.jdbc.internal.NulValues;
import dev.qhook.jdbc.internal.OutboundTables;
import dev.qhook.jdbc.internal.PostgresDatabase;
import dev.qhook.jdbc.internal.Retention;
import dev.qhook.jdbc.internal.SqliteDatabase;
import dev.qhook.jdbc.internal.StatsReader;
import dev.qhook.spi.AppendResult;
import dev.qhook.spi.AttemptRecord;
import dev.qhook.spi.ClaimRequest;
import dev.qhook.spi.ClaimedJob;
import dev.qhook.spi.Completion;
import dev.qhook.spi.Event;
import dev.qhook.spi.EventJobs;
import dev.qhook.spi.EventQuery;
import dev.qhook.spi.Job;
import dev.qhook.spi.JobKind;
import dev.qhook.spi.JobQuery;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.LostJobs;
import dev.qhook.spi.Nacked;
import dev.qhook.spi.NewEvent;
import dev.qhook.spi.OutboundStore;
import dev.qhook.spi.Page;
import dev.qhook.spi.QueueCounts;
import dev.qhook.spi.RunStore;
import dev.qhook.spi.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * The {@link Store} on SQLite, PostgreSQL or MySQL/MariaDB, through JDBC.
 *
 * <p><b>SQLite</b> ({@link #sqlite(Path)}): one file, one instance. WAL journal and {@code
 * synchronous=FULL}, so an append is on disk when it returns; one writer connection (writes take
 * turns) and {@value #DEFAULT_SQLITE_READERS} read-only connections. A second process opening the
 * same file fails with a {@link dev.qhook.StoreException} (an OS lock on {@code <file>.lock}).
 *
 * <p><b>PostgreSQL</b> ({@link #postgres(String)}): any number of instances. Claims lock with
 * {@code FOR UPDATE SKIP LOCKED}; per-target concurrency limits hold cluster-wide.
 *
 * <p><b>MySQL 8.0+ and MariaDB 10.6+</b> ({@link #mysql(String)}): any number of instances, as with
 * PostgreSQL; a claim is a {@code SELECT ... FOR UPDATE SKIP LOCKED} and one {@code UPDATE} in one
 * transaction (MySQL has no {@code UPDATE ... RETURNING}).
 *
 * <p>A queue receive is one claim statement ({@code UPDATE ... RETURNING}, on PostgreSQL over rows
 * locked with {@code FOR UPDATE SKIP LOCKED}); acks and extensions are one statement each.
 *
 * <p>Each {@link #append} call is one transaction, however many events it carries; appends and
 * completions go to the database as statement batches, a constant number of round trips per call
 * rather than one per row. Times are stored as epoch milliseconds. Call {@link #migrate()} before
 * use (the engine does).
 */
public final class JdbcStore implements Store {
  /** Read connections of a SQLite store when not configured: {@value}. */
  public static final int DEFAULT_SQLITE_READERS = 4;

  /** Connections of a PostgreSQL or MySQL store when not configured: {@value}. */
  public static final int DEFAULT_POSTGRES_CONNECTIONS = 10;

  private final Database db;
  private final Clock clock;
  private final EventWriter eventWriter;
  private final EventReader eventReader = new EventReader();
  private final JobReader jobReader = new JobReader();
  private final StatsReader stats = new StatsReader();
  private final JobRetrier jobRetrier = new JobRetrier();
  private final Retention retention;
  private final JobClaimer claimer;
  private final JobCompleter completer;
  private final LeaseKeeper leases;
  private final JdbcQueues queues;
  private final JdbcRuns runs;
  private final OutboundTables outbound;
  private final JobAppender jobAppender = new JobAppender();

  private JdbcStore(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
    this.eventWriter = new EventWriter(db.dialect());
    this.claimer = new JobClaimer(db.dialect());
    this.completer = new JobCompleter(db.dialect(), clock);
    this.leases = new LeaseKeeper(db.dialect());
    this.queues = new JdbcQueues(db);
    this.runs = new JdbcRuns(db, completer);
    this.retention = new Retention(db);
    this.outbound = new OutboundTables(db);
  }

  /** A store in a SQLite file, created when missing (with its directory). */
  public static JdbcStore sqlite(Path file) {
    return sqlite(file, DEFAULT_SQLITE_READERS, Clock.systemUTC());
  }

  /**
   * @param readers read-only connections besides the single writer
   * @param clock the time of completions that carry none (a job dead before any request)
   */
  public static JdbcStore sqlite(Path file, int readers, Clock clock) {
    requireNonNull(file, "file");
    return new JdbcStore(SqliteDatabase.open(file, readers), requireNonNull(clock, "clock"));
  }

  /** A store in PostgreSQL, e.g. {@code jdbc:postgresql://host:5432/qhook?user=u&password=p}. */
  public static JdbcStore postgres(String jdbcUrl) {
    return postgres(jdbcUrl, DEFAULT_POSTGRES_CONNECTIONS, Clock.systemUTC());
  }

  public static JdbcStore postgres(String url, int maxConnections, Clock clock) {
    DatabaseUrls.Postgres target = DatabaseUrls.postgres(requireNonNull(url, "url"));
    return postgres(target.jdbcUrl(), target.properties(), maxConnections, clock);
  }

  private static JdbcStore postgres(
      String jdbcUrl, Properties properties, int maxConnections, Clock clock) {
    return new JdbcStore(
        PostgresDatabase.open(jdbcUrl, properties, maxConnections), requireNonNull(clock, "clock"));
  }

  /**
   * A store in MySQL or MariaDB, e.g. {@code mysql://user:pass@host:3306/qhook} or {@code
   * jdbc:mariadb://host:3306/qhook?user=u&password=p}; the database must exist.
   */
  public static JdbcStore mysql(String url) {
    return mysql(url, DEFAULT_POSTGRES_CONNECTIONS, Clock.systemUTC());
  }

  public static JdbcStore mysql(String url, int maxConnections, Clock clock) {
    DatabaseUrls.Mysql target = DatabaseUrls.mysql(requireNonNull(url, "url"));
    return new JdbcStore(
        MysqlDatabase.open(target.jdbcUrl(), target.properties(), maxConnections),
        requireNonNull(clock, "clock"));
  }

  /**
   * The store the {@code database} config section describes (docs/reference/configuration.md,
   * "database").
   */
  public static JdbcStore fromConfig(DatabaseConfig config) {
    return fromConfig(config, Clock.systemUTC());
  }

  public static JdbcStore fromConfig(DatabaseConfig config, Clock clock) {
    requireNonNull(config, "config");
    DatabaseDriver driver = config.driver();
    switch (driver) {
      case SQLITE:
        return sqlite(
            DatabaseUrls.sqliteFile(config.url()),
            Math.max(1, Math.min(config.maxConnections(), DEFAULT_SQLITE_READERS)),
            clock);
      case POSTGRES:
        return postgres(config.url(), config.maxConnections(), clock);
      case MYSQL:
        return mysql(config.url(), config.maxConnections(), clock);
      default:
        throw new IllegalArgumentException(
            "database.driver: " + driver.name().toLowerCase(Locale.ROOT) + " is not supported yet");
    }
  }

  /** Which database this store uses. */
  public String databaseName() {
    return db.dialect().folder();
  }

  @Override
  public void migrate() {
    Migrations.migrate(db, clock);
  }

  @Override
  public List<AppendResult> append(List<NewEvent> events) {
    if (events.isEmpty()) {
      return List.of();
    }
    String operation = "appending " + events.size() + " events";
    if (db.dialect() == Dialect.POSTGRES) {
      NulValues.refuseNul(operation, events);
    }
    return db.write(operation, h -> eventWriter.append(h, events));
  }

  @Override
  public void appendJobs(List<EventJobs> batch) {
    if (batch.stream().allMatch(EventJobs::isEmpty)) {
      return;
    }
    db.write(
        "appending jobs",
        h -> {
          jobAppender.append(h, db.dialect(), batch);
          return null;
        });
  }

  @Override
  public List<ClaimedJob> claim(ClaimRequest request) {
    return db.write("claiming jobs", Durability.DEFERRED, h -> claimer.claim(h, request));
  }

  @Override
  public void complete(List<Completion> completions) {
    if (completions.isEmpty()) {
      return;
    }
    db.write(
        "completing jobs",
        h -> {
          completer.complete(h, completions);
          return null;
        });
  }

  @Override
  public void extendLeases(List<String> jobIds, Instant leaseUntil) {
    if (jobIds.isEmpty()) {
      return;
    }
    db.write(
        "extending leases",
        Durability.DEFERRED,
        h -> {
          leases.extendLeases(h, jobIds, leaseUntil);
          return null;
        });
  }

  @Override
  public void markStarted(String jobId, int attempt, Instant startedAt) {
    db.write(
        "recording the start of job " + jobId,
        Durability.DEFERRED,
        h -> {
          leases.markStarted(h, jobId, attempt, startedAt);
          return null;
        });
  }

  @Override
  public LostJobs recoverLost(Instant now, Instant startedBefore) {
    return db.write("recovering lost jobs", h -> leases.recoverLost(h, now, startedBefore));
  }

  @Override
  public Optional<Event> event(String id) {
    return db.read("reading event " + id, h -> eventReader.event(h, id));
  }

  @Override
  public Page<Event> events(EventQuery query) {
    return db.read("listing events", h -> eventReader.events(h, query));
  }

  @Override
  public Optional<Job> job(String id) {
    return db.read("reading job " + id, h -> jobReader.job(h, id));
  }

  @Override
  public Page<Job> jobs(JobQuery query) {
    return db.read("listing jobs", h -> jobReader.jobs(h, query));
  }

  @Override
  public List<AttemptRecord> attempts(String jobId) {
    return db.read("reading attempts of job " + jobId, h -> jobReader.attempts(h, jobId));
  }

  @Override
  public Page<ClaimedJob> jobsWithEvents(JobQuery query) {
    return queues.jobsWithEvents(query);
  }

  @Override
  public int ackMessages(String queue, List<String> ids, Instant now) {
    return queues.ackMessages(queue, ids, now);
  }

  @Override
  public Nacked nackMessages(
      String queue, List<String> ids, Instant now, IntFunction<Duration> delayAfterDeliveries) {
    return queues.nackMessages(queue, ids, now, delayAfterDeliveries);
  }

  @Override
  public int extendMessages(String queue, List<String> ids, Instant now, Instant leaseUntil) {
    return queues.extendMessages(queue, ids, now, leaseUntil);
  }

  @Override
  public List<Job> expireMessageLeases(Instant now) {
    return queues.expireMessageLeases(now);
  }

  @Override
  public Map<String, QueueCounts> queueCounts(Instant now) {
    return queues.queueCounts(now);
  }

  @Override
  public long completedMessages(String queue) {
    return queues.completedMessages(queue);
  }

  @Override
  public List<ClaimedJob> visibleMessages(String queue, Instant now, int limit) {
    return queues.visibleMessages(queue, now, limit);
  }

  @Override
  public int redriveMessages(String queue, @Nullable List<String> ids, Instant now) {
    return queues.redriveMessages(queue, ids, now);
  }

  @Override
  public int deleteDeadMessages(String queue) {
    return queues.deleteDeadMessages(queue);
  }

  @Override
  public int drainQueue(String queue) {
    return queues.drainQueue(queue);
  }

  @Override
  public boolean retry(String jobId, Instant now) {
    return db.write("retrying job " + jobId, h -> jobRetrier.retry(h, jobId, now));
  }

  @Override
  public int retryDead(JobQuery query, Instant now) {
    return db.write("retrying dead jobs", h -> jobRetrier.retryDead(h, query, now));
  }

  @Override
  public OutboundStore outbound() {
    return outbound;
  }

  @Override
  public Map<JobStatus, Long> countJobsByStatus() {
    return db.read("counting jobs", jobReader::countByStatus);
  }

  @Override
  public Map<String, Long> countEventsBySource() {
    return db.read("counting events", stats::eventsBySource);
  }

  @Override
  public Map<String, Map<JobStatus, Long>> countJobsByTarget(JobKind kind) {
    return db.read("counting jobs per target", h -> stats.jobsByTarget(h, kind));
  }

  /** In batches of 1,000 jobs, one transaction each. */
  @Override
  public List<Job> expireJobs(Instant createdBefore, Instant now) {
    return retention.expireJobs(createdBefore, now);
  }

  /** In batches of 1,000 jobs, one transaction each. */
  @Override
  public int deleteFinishedJobs(Instant finishedBefore) {
    return retention.deleteFinishedJobs(finishedBefore);
  }

  /** In batches of 1,000 events, one transaction each. */
  @Override
  public int deleteEvents(Instant createdBefore) {
    return retention.deleteEvents(createdBefore);
  }

  @Override
  public RunStore runs() {
    return runs;
  }

  /** False for SQLite: one instance per file, so every running job at start is orphaned. */
  @Override
  public boolean sharedAcrossInstances() {
    return db.dialect() != Dialect.SQLITE;
  }

  @Override
  public boolean ping() {
    return db.ping();
  }

  @Override
  public void close() {
    db.close();
  }
}
