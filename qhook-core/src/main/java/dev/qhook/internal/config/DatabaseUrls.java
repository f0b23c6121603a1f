package dev.qhook.internal.config;

import dev.qhook.config.DatabaseDriver;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code database.url} forms ({@code sqlite:FILE[?...]}, {@code
 * postgres://user:pass@host:port/db}, {@code mysql://…}, {@code mariadb://…}, any {@code jdbc:}
 * URL) and their JDBC equivalents (docs/reference/configuration.md, "database").
 */
public final class DatabaseUrls {
  private static final Pattern USERINFO_PASSWORD = Pattern.compile("(//[^/:@]*:)[^/@]*@");
  private static final Pattern PASSWORD_PARAM =
      Pattern.compile("((?:^|[?&;])password=)[^&;]*", Pattern.CASE_INSENSITIVE);

  private DatabaseUrls() {}

  /** The driver a URL implies, or empty for an unrecognised form (any other {@code jdbc:} URL). */
  public static Optional<DatabaseDriver> driverOf(String url) {
    String u = url.toLowerCase(java.util.Locale.ROOT);
    if (u.startsWith("sqlite:") || u.startsWith("jdbc:sqlite:")) {
      return Optional.of(DatabaseDriver.SQLITE);
    }
    if (u.startsWith("postgres://")
        || u.startsWith("postgresql://")
        || u.startsWith("jdbc:postgresql:")) {
      return Optional.of(DatabaseDriver.POSTGRES);
    }
    if (u.startsWith("mysql://")
        || u.startsWith("mariadb://")
        || u.startsWith("jdbc:mysql:")
        || u.startsWith("jdbc:mariadb:")) {
      return Optional.of(DatabaseDriver.MYSQL);
    }
    return Optional.empty();
  }

  /** Whether {@code url} is one of the accepted forms. */
  public static boolean isAccepted(String url) {
    return url.startsWith("jdbc:") || driverOf(url).isPresent();
  }

  /**
   * {@code sqlite:FILE} with a relative FILE made absolute against {@code directory}; other URLs
   * unchanged.
   */
  public static String resolveSqliteFile(String url, Path directory) {
    if (!url.startsWith("sqlite:")) {
      return url;
    }
    String rest = url.substring("sqlite:".length());
    if (rest.startsWith("//")) {
      rest = rest.substring(2);
    }
    int q = rest.indexOf('?');
    String file = q < 0 ? rest : rest.substring(0, q);
    String query = q < 0 ? "" : rest.substring(q);
    if (file.isEmpty() || file.equals(":memory:")) {
      return "sqlite:" + file + query;
    }
    return "sqlite:" + directory.resolve(file).toAbsolutePath().normalize() + query;
  }

  /**
   * The JDBC URL for {@code url}. A relative SQLite file is resolved against {@code directory}; the
   * sqlx-only {@code mode} parameter is dropped; credentials of {@code postgres://} and {@code
   * mysql://} URLs move to {@code user}/{@code password} parameters. {@code mysql://} and {@code
   * mariadb://} become {@code jdbc:mariadb:} URLs (MariaDB Connector/J, the driver qhook ships,
   * serves both MySQL and MariaDB).
   *
   * @throws IllegalArgumentException if {@code url} is not an accepted form
   */
  public static String toJdbc(String url, Path directory) {
    if (url.startsWith("jdbc:")) {
      return url;
    }
    if (url.startsWith("sqlite:")) {
      String resolved = resolveSqliteFile(url, directory).substring("sqlite:".length());
      int q = resolved.indexOf('?');
      String file = q < 0 ? resolved : resolved.substring(0, q);
      List<String> params = new ArrayList<>();
      if (q >= 0) {
        for (String p : resolved.substring(q + 1).split("&")) {
          if (!p.isEmpty() && !p.startsWith("mode=")) {
            params.add(p);
          }
        }
      }
      return "jdbc:sqlite:" + file + (params.isEmpty() ? "" : "?" + String.join("&", params));
    }
    DatabaseDriver driver =
        driverOf(url).orElseThrow(() -> new IllegalArgumentException("unsupported database URL"));
    return networkJdbcUrl(url, driver == DatabaseDriver.POSTGRES ? "postgresql" : "mariadb");
  }

  /** {@code url} with any password shown as {@code ***}, for logs and error messages. */
  public static String redact(String url) {
    String out = USERINFO_PASSWORD.matcher(url).replaceAll("$1***@");
    return PASSWORD_PARAM.matcher(out).replaceAll("$1***");
  }

  private static String networkJdbcUrl(String url, String jdbcScheme) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("malformed database URL: " + redact(url));
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("database URL has no host: " + redact(url));
    }
    StringBuilder jdbc = new StringBuilder("jdbc:").append(jdbcScheme).append("://");
    String host = uri.getHost();
    jdbc.append(host);
    if (uri.getPort() >= 0) {
      jdbc.append(':').append(uri.getPort());
    }
    jdbc.append(uri.getRawPath() == null ? "" : uri.getRawPath());
    List<String> params = new ArrayList<>();
    if (uri.getRawQuery() != null && !uri.getRawQuery().isEmpty()) {
      params.add(uri.getRawQuery());
    }
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
      params.add("user=" + reencode(user));
      if (colon >= 0) {
        params.add("password=" + reencode(userInfo.substring(colon + 1)));
      }
    }
    if (!params.isEmpty()) {
      jdbc.append('?').append(String.join("&", params));
    }
    return jdbc.toString();
  }

  private static String reencode(String rawUserInfoPart) {
    String decoded = URLDecoder.decode(rawUserInfoPart.replace("+", "%2B"), StandardCharsets.UTF_8);
    return URLEncoder.encode(decoded, StandardCharsets.UTF_8);
  }
}
