package dev.qhook.server.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qhook.config.QHookConfig;
import dev.qhook.server.internal.http.ServerJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code qhook replay-local FILE|-} (docs/reference/cli.md): the lines of an {@code export events}
 * file posted again, each payload to {@code /events/{source}/{event_type}} of a server (the local
 * one by default), after showing what will be sent and asking.
 */
@Command(
    name = "replay-local",
    mixinStandardHelpOptions = true,
    description =
        "Send the events of an export file (JSON Lines, - for stdin) to"
            + " /events/{source}/{event_type} of a server, after asking.")
final class ReplayLocalCommand implements Callable<Integer> {
  @Mixin ConfigOptions configOptions = new ConfigOptions();
  @ParentCommand Main main;

  @Parameters(paramLabel = "FILE|-", description = "The export file, or - for stdin.")
  String file;

  @Option(
      names = {"-t", "--target"},
      paramLabel = "URL",
      description = "The server (default: http://localhost:<server.port> of the config).")
  @Nullable String target;

  @Option(
      names = "--token",
      paramLabel = "T",
      description = "Bearer token for /events (default: api.auth_token of the config).")
  @Nullable String token;

  @Option(names = "--source", paramLabel = "NAME", description = "Only lines of this source.")
  @Nullable String source;

  @Option(
      names = "--event-type",
      paramLabel = "TYPE",
      description = "Only lines of this event type (exact, or a prefix ending in *).")
  @Nullable String eventType;

  @Mixin Filters.TimeRange time = new Filters.TimeRange();

  @Option(names = "--status", paramLabel = "STATUS", description = "Only lines with this status.")
  @Nullable String status;

  @Mixin YesOption confirm = new YesOption();

  @Mixin JsonOption output = new JsonOption();

  private @Nullable QHookConfig loaded;

  @Override
  public Integer call() throws IOException {
    CliContext context = main.context();
    ExportFile.Filter filter =
        new ExportFile.Filter(
            source,
            eventType,
            ExportFile.Filter.time("--since", time.since),
            ExportFile.Filter.time("--until", time.until),
            status);
    List<ExportFile.Line> lines;
    try (BufferedReader reader = open(context)) {
      lines = ExportFile.read(reader, filter);
    }
    URI base = base(context);
    PrintWriter out = context.out();
    if (lines.isEmpty()) {
      out.println("no lines to send");
      return 0;
    }
    if (!confirm.yes) {
      plan(out, lines, base);
      if (!Confirmation.ask(context, "Send " + lines.size() + " event(s) to " + base + "?")) {
        out.println("not sent");
        return 1;
      }
    }
    return send(context, lines, base);
  }

  private int send(CliContext context, List<ExportFile.Line> lines, URI base) {
    HttpPost http = new HttpPost();
    String bearer = token(context);
    ArrayNode failures = ServerJson.MAPPER.createArrayNode();
    int sent = 0;
    for (ExportFile.Line line : lines) {
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("Content-Type", line.isJson() ? "application/json" : "text/plain; charset=utf-8");
      if (bearer != null) {
        headers.put("Authorization", "Bearer " + bearer);
      }
      URI uri =
          base.resolve(
              "events/" + ApiPath.encode(line.source()) + "/" + ApiPath.encode(line.eventType()));
      HttpResponse<String> response = http.post(uri, line.body(), headers);
      if (response.statusCode() / 100 == 2) {
        sent++;
      } else {
        String error = HttpPost.error(response);
        failures.addObject().put("line", line.number()).put("error", error);
        if (!output.json) {
          context
              .err()
              .println(
                  "line "
                      + line.number()
                      + " ("
                      + line.source()
                      + "/"
                      + line.eventType()
                      + "): "
                      + error);
        }
      }
    }
    if (output.json) {
      ObjectNode answer = ServerJson.MAPPER.createObjectNode();
      answer.put("sent", sent).put("failed", failures.size()).set("failures", failures);
      context.out().println(answer);
    } else {
      context.out().println("sent " + sent + " event(s), " + failures.size() + " failed");
    }
    return failures.isEmpty() ? 0 : 1;
  }

  /** What will be sent: the count per source and type. */
  private static void plan(PrintWriter out, List<ExportFile.Line> lines, URI base) {
    Map<String, Integer> counts = new TreeMap<>();
    lines.forEach(l -> counts.merge(l.source() + "/" + l.eventType(), 1, Integer::sum));
    out.println(lines.size() + " event(s) to send to " + base + "events/...:");
    Table table = new Table("SOURCE/TYPE", "EVENTS");
    counts.forEach((k, v) -> table.row(k, Integer.toString(v)));
    table.print(out);
  }

  private BufferedReader open(CliContext context) throws IOException {
    if (file.equals("-")) {
      return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    }
    Path path = context.workDir().resolve(file);
    if (!Files.isReadable(path)) {
      throw new CliFailure("cannot read export file " + path);
    }
    return Files.newBufferedReader(path, StandardCharsets.UTF_8);
  }

  /** {@code --target}, else the configured server on localhost; always ending in {@code /}. */
  private URI base(CliContext context) {
    String url =
        target != null
            ? target
            : "http://"
                + StartupReport.localHost(config(context).server().host())
                + ":"
                + config(context).server().port();
    try {
      URI uri = URI.create(url.endsWith("/") ? url : url + "/");
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw new IllegalArgumentException("not an absolute http(s) URL");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new CliFailure("--target: '" + url + "' " + e.getMessage());
    }
  }

  private @Nullable String token(CliContext context) {
    if (token != null) {
      return token;
    }
    Path configFile = configOptions.file(context, main.configOptions);
    return Files.exists(configFile) || target == null ? config(context).api().authToken() : null;
  }

  private QHookConfig config(CliContext context) {
    if (loaded == null) {
      loaded =
          ConfigFiles.load(
                  context,
                  configOptions.file(context, main.configOptions),
                  configOptions.envName(main.configOptions))
              .config();
    }
    return loaded;
  }
}
