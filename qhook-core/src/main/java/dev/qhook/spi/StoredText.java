package dev.qhook.spi;

import org.jspecify.annotations.Nullable;

/**
 * Text that comes from outside (a handler's failure body, a network error) and is stored as
 * outcome: PostgreSQL text cannot hold the NUL character, so every NUL (U+0000) is replaced with
 * U+FFFD, the replacement character, before any store sees it (docs/configuration.md, "Stores").
 */
final class StoredText {
  private StoredText() {}

  static @Nullable String withoutNul(@Nullable String text) {
    return text == null || text.indexOf('\0') < 0 ? text : text.replace('\0', '\uFFFD');
  }
}
