package dev.qhook.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A bare HTTP/1.1 client over a socket: sends bytes exactly as given ({@code Connection: close})
 * and reads the answer until the server closes, so that malformed requests can be sent and whatever
 * comes back is seen.
 */
final class RawHttp {
  /** What came back: a status (0 when none) and the head and start of the body. */
  record Answer(int status, String head, String body, String problem) {
    boolean answered() {
      return status > 0;
    }

    boolean hasHeader(String name) {
      return head.toLowerCase(java.util.Locale.ROOT)
          .contains("\n" + name.toLowerCase(java.util.Locale.ROOT) + ":");
    }
  }

  private static final int MAX_READ = 64 * 1024;

  private RawHttp() {}

  static Answer send(String host, int port, byte[] request, int timeoutMillis) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), timeoutMillis);
      socket.setSoTimeout(timeoutMillis);
      try {
        socket.getOutputStream().write(request);
        socket.getOutputStream().flush();
      } catch (IOException e) {
        // the server may answer and close before reading everything (413, 400): read the answer
      }
      ByteArrayOutputStream read = new ByteArrayOutputStream();
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[8192];
      String problem = "";
      try {
        int n;
        while (read.size() < MAX_READ && (n = in.read(buffer)) > 0) {
          read.write(buffer, 0, n);
        }
      } catch (SocketTimeoutException e) {
        problem = read.size() == 0 ? "timeout" : "";
      } catch (IOException e) {
        problem = read.size() == 0 ? "reset" : "";
      }
      return parse(read.toByteArray(), problem);
    } catch (IOException e) {
      return new Answer(0, "", "", "connect: " + e.getMessage());
    }
  }

  /** The final answer: interim 1xx answers ({@code 100 Continue}) before it are skipped. */
  static Answer parse(byte[] bytes, String problem) {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    while (text.startsWith("HTTP/1.1 1") && text.indexOf("\r\n\r\n") > 0) {
      text = text.substring(text.indexOf("\r\n\r\n") + 4);
    }
    int headEnd = text.indexOf("\r\n\r\n");
    String head = headEnd < 0 ? text : text.substring(0, headEnd);
    String body = headEnd < 0 ? "" : text.substring(headEnd + 4);
    if (!head.startsWith("HTTP/1.") || head.length() < 12) {
      return new Answer(0, head, body, problem.isEmpty() ? "closed without an answer" : problem);
    }
    try {
      return new Answer(Integer.parseInt(head.substring(9, 12)), head, body, "");
    } catch (NumberFormatException e) {
      return new Answer(0, head, body, "malformed status line");
    }
  }
}
