package dev.qhook.reliability;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One request of the HTTP fuzzer, as bytes on the wire. Header names and values are ISO-8859-1
 * strings, so any byte (control characters included) can be sent. {@code raw}, when set, replaces
 * the whole request (malformed framing).
 */
record FuzzRequest(
    String kind,
    String method,
    String target,
    List<Map.Entry<String, String>> headers,
    byte[] body,
    boolean chunked,
    byte @Nullable [] raw) {

  /** The bytes sent: request line, headers, {@code Content-Length} (or chunks), body. */
  byte[] bytes(String host) {
    if (raw != null) {
      return raw;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringBuilder head = new StringBuilder();
    head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(host).append("\r\n");
    head.append("Connection: close\r\n");
    for (Map.Entry<String, String> h : headers) {
      head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
    }
    if (chunked) {
      head.append("Transfer-Encoding: chunked\r\n");
    } else if (body.length > 0 || method.equals("POST") || method.equals("PUT")) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("\r\n");
    out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    if (chunked) {
      int at = 0;
      while (at < body.length) {
        int n = Math.min(1 + (body.length - at) / 2, body.length - at);
        out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(body, at, n);
        out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        at += n;
      }
      out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    } else {
      out.writeBytes(body);
    }
    return out.toByteArray();
  }

  /** For the failure log: the request, base64, replayable with {@code base64 -d | nc}. */
  String describe(String host) {
    String head = new String(bytes(host), StandardCharsets.ISO_8859_1);
    int end = head.indexOf("\r\n\r\n");
    String shown = end < 0 ? head : head.substring(0, end);
    if (shown.length() > 2000) {
      shown = shown.substring(0, 2000) + "...";
    }
    return kind
        + ": "
        + visible(shown.replace("\r\n", "\n  "))
        + "\n  body "
        + body.length
        + " bytes: "
        + preview(body)
        + "\n  base64: "
        + Base64.getEncoder().encodeToString(bytes(host));
  }

  private static String preview(byte[] body) {
    return visible(new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8));
  }

  /** Control characters (but newlines) as {@code \xNN}, so the log stays text. */
  static String visible(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      if ((c < 0x20 && c != '\n') || (c >= 0x7f && c < 0xa0)) {
        out.append(String.format("\\x%02X", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
