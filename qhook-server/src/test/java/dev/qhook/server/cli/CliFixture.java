package dev.qhook.server.cli;

import dev.qhook.IngestRequest;
import dev.qhook.QHook;
import dev.qhook.config.ConfigLoader;
import dev.qhook.server.QHookServer;
import dev.qhook.spi.Job;
import dev.qhook.spi.JobQuery;
import dev.qhook.testkit.RecordingReceiver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * A server on an SQLite file in {@code dir} with its config in {@code qhook.yaml} (token {@code
 * tok}), and the CLI run against it: {@code remote} through the server, {@code local} on the file
 * once the server is stopped (an SQLite file serves one qhook at a time).
 */
final class CliFixture implements AutoCloseable {
  final Path dir;
  final QHook engine;
  final QHookServer server;
  private boolean stopped;

  private CliFixture(Path dir, QHook engine, QHookServer server) {
    this.dir = dir;
    this.engine = engine;
    this.server = server;
  }

  static CliFixture start(Path dir, String yaml) throws IOException {
    Path file = dir.resolve("qhook.yaml");
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    QHook engine =
        QHook.builder()
            .config(ConfigLoader.builder().workingDirectory(dir).build().load(file).config())
            .build();
    engine.start();
    return new CliFixture(
        dir, engine, QHookServer.builder(engine).host("127.0.0.1").port(0).start());
  }

  String ingest(String source, String type, String json) {
    return engine.ingest(IngestRequest.of(source, type, json)).eventId();
  }

  /** Waits until every job of the event is completed or dead. */
  List<Job> awaitSettled(String eventId) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                engine.admin().jobs(JobQuery.forEvent(eventId)).items().stream()
                    .noneMatch(j -> j.status().isOpen()));
    return engine.admin().jobs(JobQuery.forEvent(eventId)).items();
  }

  /** Runs {@code qhook ARGS} in {@code mode} ({@code local} stops the server first). */
  CliRun run(String mode, String... args) {
    if (mode.equals("local")) {
      close();
    }
    List<String> all = new ArrayList<>(List.of(args));
    if (mode.equals("remote")) {
      all.addAll(List.of("--remote", server.localUri().toString(), "--token", "tok"));
    }
    return CliRun.run(dir, Map.of(), all.toArray(String[]::new));
  }

  static String receiverYaml(RecordingReceiver ok, RecordingReceiver failing) {
    return """
        database: { url: sqlite:qhook.db }
        api: { auth_token: tok }
        server: { allow_private_urls: true }
        sources:
          shop: { type: event }
        handlers:
          ok: { source: shop, url: OK }
          flaky: { source: shop, events: ["order.*"], url: FAILING, retry: { max: 1 } }
        """
        .replace("OK", ok.url("/ok"))
        .replace("FAILING", failing.url("/flaky"));
  }

  @Override
  public void close() {
    if (!stopped) {
      stopped = true;
      server.close();
      engine.close();
    }
  }
}
