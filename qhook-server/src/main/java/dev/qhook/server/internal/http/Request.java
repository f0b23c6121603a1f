package dev.qhook.server.internal.http;

import com.sun.net.httpserver.Headers;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One request as the routes see it: the body is already read (within the size limit), path
 * parameters are decoded, and the client address is resolved. Used by the one thread handling the
 * request.
 */
public final class Request {
  private final String method;
  private final String path;
  private final Map<String, String> pathParams;
  private @Nullable Map<String, String> query;
  private final @Nullable String rawQuery;
  private final Headers headers;
  private final byte[] body;
  private final Supplier<String> clientIpSource;
  private @Nullable String clientIp;

  /**
   * @param clientIp resolves the client address on first use: most routes never read it
   */
  public Request(
      String method,
      String path,
      Map<String, String> pathParams,
      @Nullable String rawQuery,
      Headers headers,
      byte[] body,
      Supplier<String> clientIp) {
    this.method = method;
    this.path = path;
    this.pathParams = pathParams;
    this.rawQuery = rawQuery;
    this.headers = headers;
    this.body = body;
    this.clientIpSource = clientIp;
  }

  public String method() {
    return method;
  }

  public String path() {
    return path;
  }

  /** A path parameter named in the route pattern; present whenever the route matched. */
  public String pathParam(String name) {
    String value = pathParams.get(name);
    if (value == null) {
      throw new IllegalArgumentException("route has no parameter '" + name + "'");
    }
    return value;
  }

  /** The query string exactly as received (still percent-encoded), or null when absent. */
  public @Nullable String rawQuery() {
    return rawQuery;
  }

  /** Every header with all its values, read-only and not copied. */
  public Map<String, List<String>> headers() {
    return Collections.unmodifiableMap(headers);
  }

  /** The first value of a query parameter, or null. */
  public @Nullable String query(String name) {
    if (query == null) {
      query = QueryString.parse(rawQuery); // parsed on first use: most routes read no query
    }
    return query.get(name);
  }

  /** The first value of a header (case-insensitive), or null. */
  public @Nullable String header(String name) {
    return headers.getFirst(name);
  }

  /** Every header, lowercase names, repeated values joined with {@code ", "}. */
  public Map<String, String> headerMap() {
    Map<String, String> flat = new TreeMap<>();
    headers.forEach(
        (name, values) -> flat.put(name.toLowerCase(java.util.Locale.ROOT), join(values)));
    return flat;
  }

  private static String join(List<String> values) {
    return values.size() == 1 ? values.get(0) : String.join(", ", values);
  }

  public byte[] body() {
    return body;
  }

  /**
   * The body decoded as UTF-8 (malformed bytes replaced); check {@link Utf8} first if it matters.
   */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  public String clientIp() {
    if (clientIp == null) {
      clientIp = clientIpSource.get();
    }
    return clientIp;
  }
}
