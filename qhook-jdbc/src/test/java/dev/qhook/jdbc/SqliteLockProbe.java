package dev.qhook.jdbc;

import dev.qhook.StoreException;
import java.nio.file.Path;

/**
 * Run as a separate process by {@link SqliteStoreFileTest}: opens the SQLite file given as the
 * argument, prints what happened and exits 0 when it opened, 2 when the store refused.
 */
public final class SqliteLockProbe {
  private SqliteLockProbe() {}

  public static void main(String[] args) {
    try (JdbcStore store = JdbcStore.sqlite(Path.of(args[0]))) {
      System.out.println("opened, ping=" + store.ping());
    } catch (StoreException e) {
      System.out.println(e.getMessage());
      System.exit(2);
    }
  }
}
