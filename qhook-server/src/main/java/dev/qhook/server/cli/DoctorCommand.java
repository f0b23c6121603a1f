package dev.qhook.server.cli;

import dev.qhook.Health;
import dev.qhook.QHook;
import dev.qhook.config.ConfigException;
import dev.qhook.config.ConfigProblem;
import dev.qhook.config.HandlerConfig;
import dev.qhook.config.LoadedConfig;
import dev.qhook.config.QHookConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code qhook doctor} (docs/reference/cli.md): checks the config, the database, the server's port
 * and every handler URL; prints one line per check and ends with a pass line or the number of
 * issues (exit 1).
 */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description =
        "Check the config, the database, the server port and each handler URL; exit 1 on issues.")
final class DoctorCommand implements Callable<Integer> {
  static final Duration URL_TIMEOUT = Duration.ofSeconds(3);

  @Mixin ConfigOptions configOptions = new ConfigOptions();
  @ParentCommand Main main;

  private int issues;
  private PrintWriter out;

  @Override
  public Integer call() {
    CliContext context = main.context();
    out = context.out();
    LoadedConfig loaded;
    try {
      loaded =
          ConfigFiles.loadOrThrow(
              context,
              configOptions.file(context, main.configOptions),
              configOptions.envName(main.configOptions));
    } catch (ConfigException e) {
      for (ConfigProblem problem : e.problems()) {
        issue("config " + problem);
      }
      return finish();
    }
    ok("config valid");
    loaded.warnings().forEach(w -> out.println("warn  " + w));
    QHookConfig config = loaded.config();
    checkDatabase(config);
    checkPort(config);
    HttpClient http = HttpClient.newBuilder().connectTimeout(URL_TIMEOUT).build();
    for (HandlerConfig handler : config.handlers().values()) {
      checkUrl(http, "handler " + handler.name(), handler.url());
    }
    StepUrls.of(config).forEach((step, url) -> checkUrl(http, "step " + step, url));
    return finish();
  }

  private void checkDatabase(QHookConfig config) {
    try (QHook engine = LocalApi.engine(config)) {
      Health health = engine.health();
      if (health.dbHealthy()) {
        ok(
            "database "
                + config.database().redactedUrl()
                + " reachable ("
                + health.queueDepth()
                + " pending, "
                + health.deadJobs()
                + " dead)");
      } else {
        issue(
            "database "
                + config.database().redactedUrl()
                + ": "
                + health.detail()
                + " (a new database is migrated by qhook start)");
      }
    } catch (CliFailure e) {
      if (String.valueOf(e.getMessage()).contains("in use by another qhook instance")) {
        ok("database " + config.database().redactedUrl() + " held by a running qhook");
      } else {
        issue(e.getMessage());
      }
    }
  }

  /** Free, or held by a qhook server that answers {@code /health}. */
  private void checkPort(QHookConfig config) {
    int port = config.server().port();
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      ok("port " + port + " free");
      return;
    } catch (IOException inUse) {
      // a server may be running: ask it
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(URL_TIMEOUT).build();
    int status = get(http, "http://127.0.0.1:" + port + "/health");
    if (status == 200) {
      ok("port " + port + ": a server answers GET /health");
    } else {
      issue(
          "port "
              + port
              + " is in use and GET /health answers "
              + (status < 0 ? "nothing" : "HTTP " + status));
    }
  }

  private void checkUrl(HttpClient http, String what, String url) {
    int status = get(http, url);
    if (status < 0) {
      issue(what + " " + url + " unreachable");
    } else if (status >= 500) {
      issue(what + " " + url + " answers HTTP " + status + " to GET");
    } else {
      ok(what + " " + url + " reachable (HTTP " + status + " to GET)");
    }
  }

  /** The status of a GET, or -1 when there is no answer within {@link #URL_TIMEOUT}. */
  private static int get(HttpClient http, String url) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url)).timeout(URL_TIMEOUT).GET().build();
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException | IllegalArgumentException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private void ok(String text) {
    out.println("ok    " + text);
  }

  private void issue(String text) {
    out.println("FAIL  " + text);
    issues++;
  }

  private int finish() {
    if (issues == 0) {
      out.println("doctor: every check passed");
      return 0;
    }
    out.println("doctor: " + issues + (issues == 1 ? " issue" : " issues") + " found");
    return 1;
  }
}
