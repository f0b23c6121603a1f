package dev.qhook.config;

import static java.util.Objects.requireNonNull;

import dev.qhook.internal.config.DatabaseUrls;
import java.nio.file.Path;

/**
 * The {@code database} section (docs/reference/configuration.md, "database").
 *
 * <p>{@code url} keeps the form written in the config ({@code sqlite:FILE[?...]}, {@code
 * postgres://…}, {@code mysql://…}, {@code mariadb://…} or a {@code jdbc:} URL); a relative SQLite
 * file is made absolute against the working directory when the config is loaded from a file. Use
 * {@link #jdbcUrl()} for the JDBC form and {@link #redactedUrl()} for logs.
 *
 * @param driver default {@link DatabaseDriver#SQLITE}; inferred from {@code url} when omitted
 * @param url default {@value #DEFAULT_URL} (the file {@code qhook.db} in the working directory)
 * @param maxConnections pool size, at least 1; default {@value #DEFAULT_MAX_CONNECTIONS}
 */
public record DatabaseConfig(DatabaseDriver driver, String url, int maxConnections) {
  public static final String DEFAULT_URL = "sqlite:qhook.db";
  public static final int DEFAULT_MAX_CONNECTIONS = 10;

  /** SQLite file {@code qhook.db} in the working directory, 10 connections. */
  public static final DatabaseConfig DEFAULT =
      new DatabaseConfig(DatabaseDriver.SQLITE, DEFAULT_URL, DEFAULT_MAX_CONNECTIONS);

  public DatabaseConfig {
    requireNonNull(driver, "driver");
    requireNonNull(url, "url");
  }

  /** An SQLite database in {@code file}. */
  public static DatabaseConfig sqlite(Path file) {
    return new DatabaseConfig(
        DatabaseDriver.SQLITE,
        "sqlite:" + file.toAbsolutePath().normalize(),
        DEFAULT_MAX_CONNECTIONS);
  }

  /**
   * The JDBC URL ({@code jdbc:sqlite:/abs/path/qhook.db}, {@code
   * jdbc:postgresql://host:5432/db?user=…&password=…}, {@code jdbc:mariadb://…}); a relative SQLite
   * file is resolved against the current working directory.
   */
  public String jdbcUrl() {
    return jdbcUrl(url, Path.of("").toAbsolutePath());
  }

  /**
   * The JDBC URL for a {@code database.url} value, resolving a relative SQLite file in {@code dir}.
   */
  public static String jdbcUrl(String url, Path dir) {
    return DatabaseUrls.toJdbc(url, dir);
  }

  /** {@code url} with any password replaced by {@code ***}. */
  public String redactedUrl() {
    return DatabaseUrls.redact(url);
  }

  @Override
  public String toString() {
    return "DatabaseConfig[driver="
        + driver
        + ", url="
        + redactedUrl()
        + ", maxConnections="
        + maxConnections
        + "]";
  }
}
