package dev.qhook.server.internal.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a {@link Response}: the headers every response carries (docs/reference/http-api.md,
 * "Conventions"), JSON bodies, and gzip when the client accepts it.
 */
final class ResponseWriter {
  private static final String JSON = "application/json";

  private ResponseWriter() {}

  static void write(HttpExchange exchange, Response response) throws IOException {
    Headers out = exchange.getResponseHeaders();
    out.set("X-Content-Type-Options", "nosniff");
    out.set("X-Frame-Options", "DENY");
    out.set("Cache-Control", "no-store");
    out.set("X-API-Version", "1");
    response.headers().forEach(out::set);
    byte[] body = body(response);
    if (body.length == 0) {
      exchange.sendResponseHeaders(response.status(), -1);
      return;
    }
    out.set("Content-Type", response.json() != null ? JSON : contentType(response));
    if (acceptsGzip(exchange.getRequestHeaders())) {
      body = gzip(body);
      out.set("Content-Encoding", "gzip");
      out.set("Vary", "Accept-Encoding");
    }
    exchange.sendResponseHeaders(response.status(), body.length);
    try (OutputStream stream = exchange.getResponseBody()) {
      stream.write(body);
    }
  }

  private static byte[] body(Response response) {
    if (response.json() != null) {
      return ServerJson.write(response.json());
    }
    return response.raw() == null ? new byte[0] : response.raw();
  }

  private static String contentType(Response response) {
    return response.contentType() == null ? "application/octet-stream" : response.contentType();
  }

  private static boolean acceptsGzip(Headers request) {
    String accept = request.getFirst("Accept-Encoding");
    return accept != null && accept.toLowerCase(Locale.ROOT).contains("gzip");
  }

  private static byte[] gzip(byte[] body) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(body.length / 2 + 64);
    try (GZIPOutputStream zip = new GZIPOutputStream(buffer)) {
      zip.write(body);
    }
    return buffer.toByteArray();
  }
}
