package dev.qhook.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The qhook config of every scenario: one event source {@code bench} and one handler posting each
 * event to a loopback receiver. Everything else keeps its default (durability included) unless a
 * worker setting is given.
 *
 * <p>As a main it writes the file the server scenarios start with: {@code BenchConfig --file
 * qhook.yaml --database sqlite:/tmp/q.db --port 19101 --receiver http://127.0.0.1:19102/hook}
 */
public final class BenchConfig {
  /** The ingest route the load generators post to. */
  static final String INGEST_PATH = "/events/bench/order.created";

  private BenchConfig() {}

  public static void main(String[] argv) {
    Cli.run(
        "bench-config",
        () -> {
          Args args =
              Args.parse(
                  argv,
                  "file",
                  "database",
                  "port",
                  "receiver",
                  "max-concurrency",
                  "batch-size",
                  "handler-events",
                  "queue",
                  "keep-days");
          String yaml =
              yaml(
                  args.get("database"),
                  args.getInt("port", 19101),
                  args.get("receiver"),
                  args.getInt("max-concurrency", 0),
                  args.getInt("batch-size", 0),
                  args.get("handler-events", "*"),
                  args.get("queue", ""));
          int keepDays = args.getInt("keep-days", 0);
          if (keepDays > 0) {
            yaml = keeping(yaml, keepDays);
          }
          Files.writeString(Path.of(args.get("file")), yaml, StandardCharsets.UTF_8);
        });
  }

  /**
   * {@code yaml} keeping events and finished jobs {@code days} days ({@code retention.events},
   * {@code worker.retention_hours}), so that a stored history is neither deleted at start nor kept
   * longer than that.
   */
  static String keeping(String yaml, int days) {
    String worker = "worker:\n  retention_hours: " + days * 24 + "\n";
    String withWorker =
        yaml.contains("worker:\n") ? yaml.replace("worker:\n", worker) : yaml + worker;
    return withWorker + "retention:\n  events: " + days + "d\n";
  }

  /**
   * @param databaseUrl {@code sqlite:FILE}, {@code postgres://user:pass@host:port/db} or {@code
   *     mysql://user:pass@host:port/db}
   * @param maxConcurrency {@code worker.max_concurrency}, 0 for the default
   * @param batchSize {@code worker.batch_size}, 0 for the default
   * @param handlerEvents the handler's event pattern: {@code *}, or one that matches no event the
   *     kit sends, for ingest alone (each event stored, no job created)
   * @param queue the name of a pull queue of every event of the source, or empty for none
   */
  static String yaml(
      String databaseUrl,
      int port,
      String receiverUrl,
      int maxConcurrency,
      int batchSize,
      String handlerEvents,
      String queue) {
    String driver =
        databaseUrl.startsWith("sqlite:")
            ? "sqlite"
            : databaseUrl.startsWith("mysql:") ? "mysql" : "postgres";
    StringBuilder yaml = new StringBuilder();
    yaml.append("database:\n")
        .append("  driver: ")
        .append(driver)
        .append('\n')
        .append("  url: \"")
        .append(databaseUrl)
        .append("\"\n")
        .append("server:\n")
        .append("  host: 127.0.0.1\n")
        .append("  port: ")
        .append(port)
        .append('\n')
        .append("  allow_private_urls: true\n");
    if (maxConcurrency > 0 || batchSize > 0) {
      yaml.append("worker:\n");
      if (maxConcurrency > 0) {
        yaml.append("  max_concurrency: ").append(maxConcurrency).append('\n');
      }
      if (batchSize > 0) {
        yaml.append("  batch_size: ").append(batchSize).append('\n');
      }
    }
    yaml.append("sources:\n")
        .append("  bench:\n")
        .append("    type: event\n")
        .append("handlers:\n")
        .append("  receiver:\n")
        .append("    source: bench\n")
        .append("    events: [\"")
        .append(handlerEvents)
        .append("\"]\n")
        .append("    url: \"")
        .append(receiverUrl)
        .append("\"\n");
    if (!queue.isEmpty()) {
      yaml.append("queues:\n  ").append(queue).append(":\n    source: bench\n");
    }
    return yaml.toString();
  }
}
