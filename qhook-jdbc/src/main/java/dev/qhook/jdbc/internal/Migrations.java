package dev.qhook.jdbc.internal;

import dev.qhook.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Versioned schema scripts, {@code db/migration/<dialect>/V<n>__<what>.sql}, applied in order in
 * one transaction. Table {@code schema_version} records each applied version, so running again
 * applies only what is new. Concurrent instances take turns (an advisory lock on PostgreSQL).
 */
public final class Migrations {
  /** Every script, oldest first. Append new ones; never edit an applied one. */
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
          int current = currentVersion(h);
          for (int i = current; i < SCRIPTS.size(); i++) {
            String script = SCRIPTS.get(i);
            h.createScript(load(database.dialect(), script)).execute();
            h.createUpdate(
                    "INSERT INTO schema_version (version, script, applied_at)"
                        + " VALUES (:version, :script, :at)")
                .bind("version", i + 1)
                .bind("script", script)
                .bind("at", clock.millis())
                .execute();
          }
          return SCRIPTS.size();
        });
  }

  private static int currentVersion(Handle h) {
    int current =
        h.createQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")
            .mapTo(Integer.class)
            .one();
    if (current > SCRIPTS.size()) {
      throw new StoreException(
          "the database schema is version "
              + current
              + ", newer than this qhook knows ("
              + SCRIPTS.size()
              + "): upgrade qhook");
    }
    return current;
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
