package dev.qhook.spi;

import java.util.List;

/** One page of a listing; {@code hasMore} says whether a next page exists. */
public record Page<T>(List<T> items, boolean hasMore) {
  public Page {
    items = List.copyOf(items);
  }
}
