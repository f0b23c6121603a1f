package dev.qhook.server.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code qhook cds-training} (hidden): the build's training run for the class-data-sharing archive
 * (JDK 17+) and the ahead-of-time cache (JDK 24+). The build starts it with {@code
 * -XX:ArchiveClassesAtExit} or {@code -XX:AOTMode=record}; it runs the real {@code start} on a
 * throw-away SQLite database and a free loopback port, posts a few events that its handler delivers
 * back to the server's own {@code /_echo} route, and stops. The classes loaded on the way (config,
 * database, HTTP server, ingest, delivery) go into the archive, which {@code bin/qhook} maps on
 * every start.
 */
@Command(
    name = "cds-training",
    hidden = true,
    description = "Run a short start-ingest-deliver-stop cycle (records the CDS archive).")
final class CdsTrainingCommand implements Callable<Integer> {
  private static final Duration MAX_WAIT = Duration.ofSeconds(60);

  @ParentCommand Main main;

  /**
   * Events to ingest and deliver: a few load the classes of the path (the CDS archive); the
   * ahead-of-time cache of JDK 24+ also keeps the method profiles of the run, which need thousands.
   */
  @Option(names = "--events", defaultValue = "20")
  int events;

  @Override
  public Integer call() throws Exception {
    Path dir = Files.createTempDirectory("qhook-cds-training");
    try {
      return train(dir);
    } finally {
      deleteTree(dir);
    }
  }

  private int train(Path dir) throws Exception {
    int port = freePort();
    Path config = dir.resolve("qhook.yaml");
    Files.writeString(config, config(dir, port));
    CliContext parent = main.context();
    CliContext context =
        new CliContext(dir, Map.of(), parent.out(), parent.err(), StopSignal.manual());
    CompletableFuture<Integer> server =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return new ServerRun(context, config, null).call();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
              }
            });
    String base = "http://127.0.0.1:" + port;
    try {
      if (!awaitStatus(base + "/ready", 200, server)) {
        throw new CliFailure("the training server did not become ready");
      }
      for (int i = 0; i < events; i++) {
        post(base + "/events/app/training.event", "{\"n\":" + i + ",\"note\":\"cds\"}");
      }
      // The listing shows at most 1,000: enough to know the deliveries ran.
      int expected = Math.min(events, 1000);
      if (!awaitCompleted(base + "/api/jobs?status=completed&limit=" + expected, expected)) {
        throw new CliFailure("the training deliveries did not complete within " + MAX_WAIT);
      }
    } finally {
      context.stop().trigger();
    }
    return server.get(MAX_WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  private static String config(Path dir, int port) {
    String db = dir.resolve("qhook.db").toString().replace("\\", "/").replace("\"", "\\\"");
    return "database:\n  url: \"sqlite:"
        + db
        + "\"\nserver:\n  host: 127.0.0.1\n  port: "
        + port
        + "\n  allow_private_urls: true\nsources:\n  app:\n    type: event\n"
        + "handlers:\n  echo:\n    source: app\n    events: [\"*\"]\n"
        + "    url: \"http://127.0.0.1:"
        + port
        + "/_echo\"\n";
  }

  private static boolean awaitStatus(String url, int status, CompletableFuture<Integer> server)
      throws InterruptedException {
    long deadline = System.nanoTime() + MAX_WAIT.toNanos();
    while (System.nanoTime() < deadline && !server.isDone()) {
      try {
        if (request("GET", url, null).status() == status) {
          return true;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(20);
    }
    return false;
  }

  private static boolean awaitCompleted(String url, int expected)
      throws InterruptedException, IOException {
    long deadline = System.nanoTime() + MAX_WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      String body = request("GET", url, null).body();
      if (countOf(body, "\"status\":\"completed\"") >= expected) {
        return true;
      }
      Thread.sleep(50);
    }
    return false;
  }

  private static int countOf(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
      count++;
    }
    return count;
  }

  private static void post(String url, String json) throws IOException {
    int status = request("POST", url, json).status();
    if (status != 202) {
      throw new CliFailure("training event refused with status " + status);
    }
  }

  private record Answer(int status, String body) {}

  private static Answer request(String method, String url, String json) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
    connection.setRequestMethod(method);
    connection.setConnectTimeout(2_000);
    connection.setReadTimeout(10_000);
    if (json != null) {
      connection.setDoOutput(true);
      connection.setRequestProperty("Content-Type", "application/json");
      connection.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
    }
    int status = connection.getResponseCode();
    InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
    String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    return new Answer(status, body);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
