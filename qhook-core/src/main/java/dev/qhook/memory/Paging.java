package dev.qhook.memory;

import dev.qhook.spi.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/** Cursor pages over rows kept in id order. */
final class Paging {
  private Paging() {}

  static <R, T> Page<T> page(
      NavigableMap<String, R> rows,
      @Nullable String after,
      boolean descending,
      int limit,
      Predicate<R> filter,
      Function<R, T> view) {
    NavigableMap<String, R> range =
        descending
            ? (after == null ? rows.descendingMap() : rows.headMap(after, false).descendingMap())
            : (after == null ? rows : rows.tailMap(after, false));
    List<T> items = new ArrayList<>(limit);
    for (R row : range.values()) {
      if (filter.test(row)) {
        if (items.size() == limit) {
          return new Page<>(items, true);
        }
        items.add(view.apply(row));
      }
    }
    return new Page<>(items, false);
  }

  /** {@code since} inclusive, {@code until} exclusive; null bounds are open. */
  static boolean inRange(Instant at, @Nullable Instant since, @Nullable Instant until) {
    return (since == null || !at.isBefore(since)) && (until == null || at.isBefore(until));
  }
}
