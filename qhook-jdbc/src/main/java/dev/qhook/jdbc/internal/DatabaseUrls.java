package dev.qhook.jdbc.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the {@code database.url} forms (docs/reference/configuration.md, "database"): {@code
 * sqlite:FILE[?...]}, {@code postgres://user:pass@host:port/db[?...]} (also {@code postgresql://}),
 * {@code mysql://user:pass@host:port/db[?...]} (also {@code mariadb://}), or any {@code jdbc:} URL.
 */
public final class DatabaseUrls {
  private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(//[^:/@]*:)[^@/]*@");
  private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)(password=)[^&;]*");

  private DatabaseUrls() {}

  /** A PostgreSQL connection: the JDBC URL without credentials, and the driver properties. */
  public record Postgres(String jdbcUrl, Properties properties) {}

  /** A MySQL or MariaDB connection: a {@code jdbc:mariadb:} URL and the driver properties. */
  public record Mysql(String jdbcUrl, Properties properties) {}

  /** The file of a SQLite URL. */
  public static Path sqliteFile(String url) {
    String rest;
    if (url.startsWith("jdbc:sqlite:")) {
      rest = url.substring("jdbc:sqlite:".length());
    } else if (url.startsWith("sqlite:")) {
      rest = url.substring("sqlite:".length());
    } else if (!url.contains(":") || looksLikeWindowsPath(url)) {
      rest = url;
    } else {
      throw new IllegalArgumentException(
          "database.url: a SQLite URL must look like sqlite:FILE, was " + redact(url));
    }
    int query = rest.indexOf('?');
    if (query >= 0) {
      rest = rest.substring(0, query);
    }
    if (rest.startsWith("//")) {
      rest = rest.substring(2);
    }
    if (rest.isEmpty() || rest.equals(":memory:") || rest.startsWith("file::memory:")) {
      throw new IllegalArgumentException(
          "database.url: SQLite needs a file (in-memory databases are not durable), was " + url);
    }
    return Path.of(rest);
  }

  /** The JDBC URL and properties of a PostgreSQL URL. */
  public static Postgres postgres(String url) {
    Properties properties = new Properties();
    if (url.startsWith("jdbc:postgresql:")) {
      return new Postgres(url, properties);
    }
    String rest = afterScheme(url, "postgres://", "postgresql://");
    if (rest == null) {
      throw new IllegalArgumentException(
          "database.url: a PostgreSQL URL must look like postgres://user:pass@host:port/db, was "
              + redact(url));
    }
    return new Postgres("jdbc:postgresql://" + moveCredentials(rest, properties), properties);
  }

  /**
   * The JDBC URL and properties of a MySQL or MariaDB URL, for MariaDB Connector/J: {@code
   * jdbc:mysql:} becomes {@code jdbc:mariadb:} (the driver takes the former only when asked to).
   */
  public static Mysql mysql(String url) {
    Properties properties = new Properties();
    String lower = url.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:mariadb:")) {
      return new Mysql(url, properties);
    }
    if (lower.startsWith("jdbc:mysql:")) {
      return new Mysql("jdbc:mariadb:" + url.substring("jdbc:mysql:".length()), properties);
    }
    String rest = afterScheme(url, "mysql://", "mariadb://");
    if (rest == null) {
      throw new IllegalArgumentException(
          "database.url: a MySQL or MariaDB URL must look like mysql://user:pass@host:port/db"
              + " (or mariadb://, jdbc:mysql:, jdbc:mariadb:), was "
              + redact(url));
    }
    String hostAndDatabase = moveCredentials(rest, properties);
    int end = firstOf(hostAndDatabase, '/', '?');
    if (end == 0) {
      throw new IllegalArgumentException(
          "database.url: a MySQL or MariaDB URL needs a host, was " + redact(url));
    }
    return new Mysql("jdbc:mariadb://" + hostAndDatabase, properties);
  }

  /** What follows the first of {@code schemes} that {@code url} starts with, or null. */
  private static @Nullable String afterScheme(String url, String... schemes) {
    String lower = url.toLowerCase(Locale.ROOT);
    for (String scheme : schemes) {
      if (lower.startsWith(scheme)) {
        return url.substring(scheme.length());
      }
    }
    return null;
  }

  /** Moves {@code user:pass@} of {@code rest} into {@code properties}; returns the remainder. */
  private static String moveCredentials(String rest, Properties properties) {
    int at = rest.lastIndexOf('@', firstOf(rest, '/', '?'));
    if (at < 0) {
      return rest;
    }
    String userInfo = rest.substring(0, at);
    int colon = userInfo.indexOf(':');
    String user = colon >= 0 ? userInfo.substring(0, colon) : userInfo;
    properties.setProperty("user", decode(user));
    if (colon >= 0) {
      properties.setProperty("password", decode(userInfo.substring(colon + 1)));
    }
    return rest.substring(at + 1);
  }

  /** The URL with any password replaced by {@code ***}, for logs and errors. */
  public static String redact(String url) {
    String out = USER_INFO_PASSWORD.matcher(url).replaceAll("$1***@");
    return PASSWORD_PARAM.matcher(out).replaceAll("$1***");
  }

  private static int firstOf(String s, char a, char b) {
    int i = s.indexOf(a);
    int j = s.indexOf(b);
    if (i < 0) {
      return j < 0 ? s.length() : j;
    }
    return j < 0 ? i : Math.min(i, j);
  }

  private static boolean looksLikeWindowsPath(String url) {
    return url.length() > 2 && Character.isLetter(url.charAt(0)) && url.charAt(1) == ':';
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
