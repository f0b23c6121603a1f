package dev.qhook.internal.transport;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw-socket HTTP/1.1 server on a loopback address, so tests control exactly what goes on the
 * wire: keep-alive or not, when a connection closes, how fast a body arrives. Counts connections.
 */
final class LoopbackHttpServer implements AutoCloseable {

  /** One request as received. */
  record Received(
      int connection,
      String method,
      String target,
      Map<String, List<String>> headers,
      byte[] body) {
    String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null ? null : values.get(0);
    }
  }

  /** Writes the response to one request; returns whether the server keeps the connection open. */
  @FunctionalInterface
  interface Responder {
    boolean respond(Received request, OutputStream out) throws IOException, InterruptedException;
  }

  private final ServerSocket socket;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger closedByServer = new AtomicInteger();
  private final List<Received> requests = new CopyOnWriteArrayList<>();
  private final Map<Integer, Socket> open = new ConcurrentHashMap<>();
  private volatile Responder responder;

  private LoopbackHttpServer(InetAddress address, Responder responder) throws IOException {
    this.responder = responder;
    this.socket = new ServerSocket();
    socket.bind(new InetSocketAddress(address, 0));
    threads.execute(this::acceptLoop);
  }

  static LoopbackHttpServer start(Responder responder) throws IOException {
    return new LoopbackHttpServer(InetAddress.getLoopbackAddress(), responder);
  }

  static LoopbackHttpServer start(InetAddress address, Responder responder) throws IOException {
    return new LoopbackHttpServer(address, responder);
  }

  /** Answers 200 with {@code body} and keeps the connection open. */
  static Responder ok(String body) {
    return (request, out) -> {
      write(out, "HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
      return true;
    };
  }

  static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  void respondWith(Responder responder) {
    this.responder = responder;
  }

  int port() {
    return socket.getLocalPort();
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port() + path);
  }

  int connections() {
    return connections.get();
  }

  /** Connections this server closed itself (after a responder returned false, or a client EOF). */
  int closedByServer() {
    return closedByServer.get();
  }

  List<Received> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() throws IOException {
    socket.close();
    for (Socket s : open.values()) {
      s.close();
    }
    threads.shutdownNow();
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        int id = connections.incrementAndGet();
        open.put(id, client);
        threads.execute(() -> serve(id, client));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(int id, Socket client) {
    try (client) {
      InputStream in = new BufferedInputStream(client.getInputStream());
      OutputStream out = client.getOutputStream();
      while (true) {
        Received request = readRequest(id, in);
        if (request == null) {
          return;
        }
        requests.add(request);
        if (!responder.respond(request, out)) {
          return;
        }
      }
    } catch (IOException | InterruptedException e) {
      // The client went away or the server is closing.
    } finally {
      open.remove(id);
      closedByServer.incrementAndGet();
    }
  }

  private static Received readRequest(int id, InputStream in) throws IOException {
    String requestLine = readLine(in);
    if (requestLine == null) {
      return null;
    }
    String[] parts = requestLine.split(" ");
    Map<String, List<String>> headers = new ConcurrentHashMap<>();
    for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
      int colon = line.indexOf(':');
      headers
          .computeIfAbsent(
              line.substring(0, colon).toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(line.substring(colon + 1).trim());
    }
    List<String> length = headers.get("content-length");
    byte[] body = length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length.get(0)));
    return new Received(id, parts[0], parts[1], headers, body);
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b == -1) {
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }
}
