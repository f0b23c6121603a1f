package dev.qhook.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PostgreSQL's own counters of the work done in one database: transactions, rows and, when the
 * {@code pg_stat_statements} extension is loaded, statements and the WAL they wrote. Counters only
 * grow, so a measurement is the difference of two snapshots; the server need not be quiet for the
 * counts (only for times).
 */
final class PgStats implements AutoCloseable {
  /** The counters at one moment, and the calls of each statement (by query id). */
  record Snapshot(Map<String, Double> counters, Map<String, Statement> statements) {}

  /** One normalised statement: its text and how often it ran. */
  record Statement(String query, double calls, double rows, double walBytes) {}

  private final Connection connection;
  private final boolean statementsAvailable;

  /** One connection, kept for every snapshot and sample. */
  PgStats(String jdbcUrl) throws SQLException {
    this.connection = DriverManager.getConnection(jdbcUrl);
    this.connection.setAutoCommit(true);
    this.statementsAvailable = statementsAvailable();
  }

  private boolean statementsAvailable() {
    try (java.sql.Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("SELECT count(*) FROM pg_stat_statements")) {
      return r.next();
    } catch (SQLException e) {
      return false;
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }

  /** The process id of this connection's backend. */
  long backendPid() throws SQLException {
    try (java.sql.Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("SELECT pg_backend_pid()")) {
      r.next();
      return r.getLong(1);
    }
  }

  boolean hasStatements() {
    return statementsAvailable;
  }

  Snapshot snapshot() throws SQLException {
    Map<String, Double> counters = new LinkedHashMap<>();
    Map<String, Statement> statements = new HashMap<>();
    try (java.sql.Statement s = connection.createStatement()) {
      // The counters of pg_stat_database are sent by backends when their transactions end; make
      // this connection's view current.
      s.execute("SELECT pg_stat_clear_snapshot()");
      try (ResultSet r =
          s.executeQuery(
              "SELECT xact_commit, xact_rollback, tup_inserted, tup_updated, tup_deleted,"
                  + " tup_returned, tup_fetched, blks_read, blks_hit"
                  + " FROM pg_stat_database WHERE datname = current_database()")) {
        r.next();
        for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
          counters.put(r.getMetaData().getColumnName(i), r.getDouble(i));
        }
      }
      if (statementsAvailable) {
        try (ResultSet r =
            s.executeQuery(
                "SELECT queryid, query, calls, rows, wal_bytes FROM pg_stat_statements"
                    + " WHERE dbid = (SELECT oid FROM pg_database WHERE datname ="
                    + " current_database())")) {
          while (r.next()) {
            statements.put(
                r.getString(1),
                new Statement(r.getString(2), r.getDouble(3), r.getDouble(4), r.getDouble(5)));
          }
        }
      }
    }
    return new Snapshot(counters, statements);
  }

  /** What happened between two snapshots: counter differences and per-statement call deltas. */
  static Map<String, Double> counterDelta(Snapshot before, Snapshot after) {
    Map<String, Double> delta = new LinkedHashMap<>();
    after.counters().forEach((k, v) -> delta.put(k, v - before.counters().getOrDefault(k, 0.0)));
    double calls = 0;
    double rows = 0;
    double wal = 0;
    for (Map.Entry<String, Statement> e : after.statements().entrySet()) {
      Statement b = before.statements().get(e.getKey());
      calls += e.getValue().calls() - (b == null ? 0 : b.calls());
      rows += e.getValue().rows() - (b == null ? 0 : b.rows());
      wal += e.getValue().walBytes() - (b == null ? 0 : b.walBytes());
    }
    if (!after.statements().isEmpty()) {
      delta.put("statements", calls);
      delta.put("statement_rows", rows);
      delta.put("wal_bytes", wal);
    }
    return delta;
  }

  /** The statements that ran between two snapshots, most calls first. */
  static Map<String, Statement> statementDelta(Snapshot before, Snapshot after) {
    Map<String, Statement> delta = new HashMap<>();
    for (Map.Entry<String, Statement> e : after.statements().entrySet()) {
      Statement b = before.statements().get(e.getKey());
      Statement a = e.getValue();
      double calls = a.calls() - (b == null ? 0 : b.calls());
      if (calls > 0) {
        delta.put(
            e.getKey(),
            new Statement(
                a.query(),
                calls,
                a.rows() - (b == null ? 0 : b.rows()),
                a.walBytes() - (b == null ? 0 : b.walBytes())));
      }
    }
    return delta;
  }

  /** Backends of this database by what they wait for, right now ("CPU" when running). */
  Map<String, Integer> waits() throws SQLException {
    Map<String, Integer> waits = new HashMap<>();
    try (java.sql.Statement s = connection.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT coalesce(wait_event_type || ':' || wait_event, 'CPU') FROM"
                    + " pg_stat_activity WHERE datname = current_database() AND state = 'active'"
                    + " AND pid <> pg_backend_pid()")) {
      while (r.next()) {
        waits.merge(r.getString(1), 1, Integer::sum);
      }
    }
    return waits;
  }

  /**
   * Records the counters that changed between two snapshots divided by {@code units} (events,
   * executions) under {@code key}, and prints them.
   */
  static void record(Snapshot before, Snapshot after, int units, Path out, String key)
      throws IOException {
    for (Map.Entry<String, Double> e : counterDelta(before, after).entrySet()) {
      double perUnit = e.getValue() / units;
      System.out.printf("  %-16s %10.2f%n", e.getKey(), perUnit);
      Measurements.append(out, key + "." + e.getKey(), perUnit);
    }
  }
}
