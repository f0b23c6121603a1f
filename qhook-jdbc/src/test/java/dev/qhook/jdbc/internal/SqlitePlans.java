package dev.qhook.jdbc.internal;

import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.Query;

/** The plan SQLite chooses for a store statement: what a test checks an index against. */
final class SqlitePlans {
  private SqlitePlans() {}

  /** The {@code EXPLAIN QUERY PLAN} details of {@code sql} with {@code binds}, on one line. */
  static String of(Database db, String sql, Map<String, Object> binds) {
    List<String> rows =
        db.read(
            "plan",
            h -> {
              Query query = h.createQuery("EXPLAIN QUERY PLAN " + sql);
              binds.forEach(query::bind);
              return query.map((rs, ctx) -> rs.getString(4)).list();
            });
    return String.join(" ", rows);
  }
}
