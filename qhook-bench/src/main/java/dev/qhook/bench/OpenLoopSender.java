package dev.qhook.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * An open-loop HTTP load generator on one thread: it posts one event per period, each on a free
 * keep-alive connection (opening another, up to {@link #MAX_CONNECTIONS}, when none is free), and
 * never waits for an answer before the next send is due. A send that finds every connection busy
 * waits in line, still timed from its due time: a slow server cannot slow the arrivals down and
 * hide its own delay (coordinated omission).
 *
 * <p>It is a selector loop over plain sockets, not an HTTP client library, because it shares two
 * cores with the server it measures: a thread per request with a general-purpose client cost about
 * 0.4 ms of CPU per event, a third of what the server spent. It speaks just enough HTTP/1.1 for
 * qhook's answers (a status line, {@code Content-Length}, a body).
 */
final class OpenLoopSender implements AutoCloseable {
  /**
   * As many as wrk's {@code -c64} in the ingest scenario, and below the server's default {@code
   * max_inbound} of 100: a stalled server makes sends wait here, timed from their due time, instead
   * of answering 503.
   */
  static final int MAX_CONNECTIONS = 64;

  /** What became of one send. */
  interface Listener {
    /**
     * A complete answer to send {@code seq}, due at {@code dueNanos}.
     *
     * @param body the answer's body (valid only during the call)
     */
    void answered(long seq, long dueNanos, int status, String body, long nowNanos);

    /** The connection failed before an answer came. */
    void failed(long seq, long dueNanos, String reason);
  }

  /** The body of send number {@code seq}. */
  interface Bodies {
    byte[] body(long seq);
  }

  private final InetSocketAddress server;
  private final String head;
  private final Bodies bodies;
  private final Listener listener;
  private final Selector selector;
  private final ArrayDeque<Connection> idle = new ArrayDeque<>();
  private final ArrayDeque<long[]> waiting = new ArrayDeque<>();
  private int open;

  OpenLoopSender(InetSocketAddress server, String path, Bodies bodies, Listener listener)
      throws IOException {
    this.server = server;
    this.head =
        "POST "
            + path
            + " HTTP/1.1\r\nHost: "
            + server.getHostString()
            + ":"
            + server.getPort()
            + "\r\nContent-Type: application/json\r\nContent-Length: ";
    this.bodies = bodies;
    this.listener = listener;
    this.selector = Selector.open();
  }

  /**
   * Sends {@code count} events numbered from {@code firstSeq}, one every {@code periodNanos} from
   * {@code startNanos}, then keeps serving answers until every send is answered or failed, or
   * {@code drainNanos} passed after the last was due. Returns the sends left unanswered.
   */
  int run(long firstSeq, int count, long startNanos, long periodNanos, long drainNanos)
      throws IOException {
    int sent = 0;
    long lastDue = startNanos + (count - 1L) * periodNanos;
    while (true) {
      long now = System.nanoTime();
      while (sent < count && startNanos + sent * periodNanos - now <= 0) {
        waiting.add(new long[] {firstSeq + sent, startNanos + sent * periodNanos});
        sent++;
      }
      dispatchWaiting();
      boolean done = sent == count && waiting.isEmpty() && idle.size() == open;
      if (done || (sent == count && now - lastDue > drainNanos)) {
        return waiting.size() + (open - idle.size());
      }
      long next = sent < count ? startNanos + sent * periodNanos : now + 10_000_000L;
      long waitNanos = next - System.nanoTime();
      if (waitNanos >= 1_000_000L) {
        selector.select(TimeUnit.NANOSECONDS.toMillis(waitNanos));
      } else {
        // The selector sleeps in whole milliseconds: serve what is ready, then sleep until due.
        selector.selectNow();
        serveReady();
        LockSupport.parkNanos(next - System.nanoTime());
        continue;
      }
      serveReady();
    }
  }

  private void serveReady() {
    for (SelectionKey key : selector.selectedKeys()) {
      Connection c = (Connection) key.attachment();
      if (key.isValid() && key.isWritable()) {
        c.flush();
      }
      if (key.isValid() && key.isReadable()) {
        c.read();
      }
    }
    selector.selectedKeys().clear();
  }

  private void dispatchWaiting() throws IOException {
    while (!waiting.isEmpty()) {
      Connection c = idle.poll();
      if (c == null) {
        if (open >= MAX_CONNECTIONS) {
          return;
        }
        c = connect();
      }
      long[] send = waiting.poll();
      c.send(send[0], send[1]);
    }
  }

  private Connection connect() throws IOException {
    SocketChannel channel = SocketChannel.open(server);
    channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
    channel.configureBlocking(false);
    Connection c = new Connection(channel);
    c.key = channel.register(selector, SelectionKey.OP_READ, c);
    open++;
    return c;
  }

  @Override
  public void close() throws IOException {
    for (SelectionKey key : selector.keys()) {
      key.channel().close();
    }
    selector.close();
  }

  /** One keep-alive connection carrying one request at a time. */
  private final class Connection {
    private final SocketChannel channel;
    private @Nullable SelectionKey key;
    private ByteBuffer in = ByteBuffer.allocate(8192);
    private @Nullable ByteBuffer out;
    private long seq;
    private long dueNanos;
    private boolean busy;

    Connection(SocketChannel channel) {
      this.channel = channel;
    }

    void send(long seq, long dueNanos) throws IOException {
      this.seq = seq;
      this.dueNanos = dueNanos;
      this.busy = true;
      byte[] body = bodies.body(seq);
      byte[] headBytes = (head + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
      out = ByteBuffer.allocate(headBytes.length + body.length).put(headBytes).put(body).flip();
      flush();
    }

    void flush() {
      ByteBuffer pending = out;
      if (pending == null) {
        return;
      }
      try {
        channel.write(pending);
      } catch (IOException e) {
        fail("write: " + e.getMessage());
        return;
      }
      if (pending.hasRemaining()) {
        interest(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
      } else {
        out = null;
        interest(SelectionKey.OP_READ);
      }
    }

    void read() {
      int n;
      try {
        if (!in.hasRemaining()) {
          in = ByteBuffer.allocate(in.capacity() * 2).put(in.flip());
        }
        n = channel.read(in);
      } catch (IOException e) {
        fail("read: " + e.getMessage());
        return;
      }
      if (n < 0) {
        fail("connection closed by the server");
        return;
      }
      parse();
    }

    /** Completes the request once the whole answer is in. */
    private void parse() {
      String text = new String(in.array(), 0, in.position(), StandardCharsets.ISO_8859_1);
      int headEnd = text.indexOf("\r\n\r\n");
      if (headEnd < 0) {
        return;
      }
      int length = contentLength(text.substring(0, headEnd));
      int total = headEnd + 4 + length;
      if (in.position() < total) {
        return;
      }
      int status = Integer.parseInt(text.substring(9, 12));
      String body =
          new String(in.array(), headEnd + 4, length, StandardCharsets.UTF_8); // JSON, UTF-8
      in.clear();
      busy = false;
      idle.push(this);
      listener.answered(seq, dueNanos, status, body, System.nanoTime());
    }

    private int contentLength(String headers) {
      for (String line : headers.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("content-length")) {
          return Integer.parseInt(line.substring(colon + 1).trim());
        }
      }
      return 0;
    }

    private void interest(int ops) {
      if (key != null && key.isValid() && key.interestOps() != ops) {
        key.interestOps(ops);
      }
    }

    private void fail(String reason) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // closing a broken connection
      }
      open--;
      if (busy) {
        busy = false;
        listener.failed(seq, dueNanos, reason);
      } else {
        idle.remove(this); // the server closed an idle connection: no send lost
      }
    }
  }
}
