package dev.qhook.server.internal.http;

import com.sun.net.httpserver.Headers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One request as the routes see it: the body is already read (within the size limit), path
 * parameters are decoded, and the client address is resolved.
 */
public final class Request {
  private final String method;
  private final String path;
  private final Map<String, String> pathParams;
  private final Map<String, String> query;
  private final Headers headers;
  private final byte[] body;
  private final String clientIp;

  public Request(
      String method,
      String path,
      Map<String, String> pathParams,
      Map<String, String> query,
      Headers headers,
      byte[] body,
      String clientIp) {
    this.method = method;
    this.path = path;
    this.pathParams = Map.copyOf(pathParams);
    this.query = Map.copyOf(query);
    this.headers = headers;
    this.body = body;
    this.clientIp = clientIp;
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

  /** The first value of a query parameter, or null. */
  public @Nullable String query(String name) {
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
    return String.join(", ", values);
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
    return clientIp;
  }
}
