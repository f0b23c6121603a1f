package dev.qhook.jdbc.internal;

import dev.qhook.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Versioned schema scripts, {@code db/migration/<dialect>/V<n>__<what>.sql}, applied in order in
 * one transaction. Table {@code schema_version} records each applied version (the {@code n} of its
 * name), so running again applies only the scripts not recorded, in version order, even one older
 * than the newest applied (versions are assigned to features in advance and may land in any order).
 * Concurrent instances take turns (an advisory lock on PostgreSQL, a named lock on MySQL). MySQL
 * commits each DDL statement on its own, so there a script that fails midway leaves what it already
 * did, and is not recorded as applied.
 */
public final class Migrations {
  /** Every script, in version order. Add new ones; never edit an applied one. */
  static final List<String> SCRIPTS =
      List.of(
          "V1__init.sql", "V2__lean_job_indexes.sql", "V3__queue_indexes.sql", "V5__outbound.sql");

  private static final String LOCK_KEY = "qhook.migrate";

  private Migrations() {}

  /** Applies the scripts not yet applied. Returns the schema version now in force. */
  public static int migrate(Database database, Clock clock) {
    return database.write(
        "migrating the schema",
        h -> {
          database.dialect().lockKeys(h, List.of(LOCK_KEY));
          h.execute(
              "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY,"
                  + " script TEXT NOT NULL, applied_at BIGINT NOT NULL)");
          Set<Integer> applied = appliedVersions(h);
          for (String script : SCRIPTS) {
            if (applied.contains(version(script))) {
              continue;
            }
            h.createScript(load(database.dialect(), script)).execute();
            h.createUpdate(
                    "INSERT INTO schema_version (version, script, applied_at)"
                        + " VALUES (:version, :script, :at)")
                .bind("version", version(script))
                .bind("script", script)
                .bind("at", clock.millis())
                .execute();
          }
          return version(SCRIPTS.get(SCRIPTS.size() - 1));
        });
  }

  /** The versions recorded; refuses a database that has one newer than every script known. */
  private static Set<Integer> appliedVersions(Handle h) {
    Set<Integer> applied =
        new HashSet<>(
            h.createQuery("SELECT version FROM schema_version").mapTo(Integer.class).list());
    int newest = version(SCRIPTS.get(SCRIPTS.size() - 1));
    int current = applied.stream().mapToInt(Integer::intValue).max().orElse(0);
    if (current > newest) {
      throw new StoreException(
          "the database schema is version "
              + current
              + ", newer than this qhook knows ("
              + newest
              + "): upgrade qhook");
    }
    return applied;
  }

  /** The {@code n} of {@code V<n>__<what>.sql}. */
  static int version(String script) {
    return Integer.parseInt(script.substring(1, script.indexOf("__")));
  }

  private static String load(Dialect dialect, String script) {
    String path = "db/migration/" + dialect.folder() + "/" + script;
    try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("migration script missing from the jar: " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read migration script " + path, e);
    }
  }
}
