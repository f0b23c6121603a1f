package dev.qhook.jdbc.internal;

import dev.qhook.spi.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jspecify.annotations.Nullable;

/**
 * A filtered listing in id order with cursor paging: conditions are added one by one, then the page
 * is read with one row more than asked, which tells whether another page exists.
 */
final class Listing {
  private final String select;
  private final List<String> conditions = new ArrayList<>();
  private final Map<String, Object> bindings = new LinkedHashMap<>();

  /**
   * @param select {@code SELECT <columns> FROM <table>}
   */
  Listing(String select) {
    this.select = select;
  }

  /** Adds {@code column = value} when the value is given. */
  Listing equal(String column, @Nullable Object value) {
    if (value != null) {
      String name = "p" + bindings.size();
      conditions.add(column + " = :" + name);
      bindings.put(name, value);
    }
    return this;
  }

  /** Adds {@code column >= since} and {@code column < until} for the bounds given. */
  Listing window(String column, @Nullable Instant since, @Nullable Instant until) {
    if (since != null) {
      String name = "p" + bindings.size();
      conditions.add(column + " >= :" + name);
      bindings.put(name, Columns.millis(since));
    }
    if (until != null) {
      String name = "p" + bindings.size();
      conditions.add(column + " < :" + name);
      bindings.put(name, Columns.millis(until));
    }
    return this;
  }

  /** Adds a fixed SQL condition. */
  Listing where(String condition) {
    conditions.add(condition);
    return this;
  }

  /** Reads one page: ids after {@code after} in the chosen direction, at most {@code limit}. */
  <T> Page<T> page(
      Handle h, @Nullable String after, int limit, boolean descending, RowMapper<T> mapper) {
    if (after != null) {
      String name = "p" + bindings.size();
      conditions.add("id " + (descending ? "<" : ">") + " :" + name);
      bindings.put(name, after);
    }
    String sql =
        select
            + whereClause()
            + " ORDER BY id "
            + (descending ? "DESC" : "ASC")
            + " LIMIT "
            + (limit + 1);
    List<T> rows = bind(h.createQuery(sql)).map(mapper).list();
    boolean hasMore = rows.size() > limit;
    return new Page<>(hasMore ? rows.subList(0, limit) : rows, hasMore);
  }

  /** The conditions as a WHERE clause, or nothing. */
  String whereClause() {
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  <S extends SqlStatement<S>> S bind(S statement) {
    bindings.forEach(statement::bind);
    return statement;
  }
}
