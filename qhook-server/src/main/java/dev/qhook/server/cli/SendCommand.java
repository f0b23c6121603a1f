package dev.qhook.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.config.QHookConfig;
import dev.qhook.config.SourceConfig;
import dev.qhook.config.SourceType;
import dev.qhook.server.internal.http.ServerJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code qhook send}: posts a JSON payload to the local server as the source's kind takes it
 * ({@link SendRequest}) and prints the outcome, or with {@code --dry-run} lists the consumers it
 * would reach (handlers only in this version).
 */
@Command(
    name = "send",
    mixinStandardHelpOptions = true,
    description = "Send a test event to the running server.")
final class SendCommand implements Callable<Integer> {
  @Mixin ConfigOptions configOptions = new ConfigOptions();
  @ParentCommand Main main;

  @Option(
      names = {"-s", "--source"},
      required = true,
      description = "Source name.")
  String source;

  @Option(
      names = {"-t", "--type"},
      required = true,
      description = "Event type.")
  String type;

  @Parameters(arity = "0..1", paramLabel = "JSON", description = "Payload (default {}).")
  @Nullable String json;

  @Option(
      names = {"-f", "--file"},
      paramLabel = "FILE",
      description = "Read the payload from a file.")
  @Nullable Path file;

  @Option(names = "--dry-run", description = "List the handlers the event would reach.")
  boolean dryRun;

  @Override
  public Integer call() throws IOException {
    CliContext context = main.context();
    QHookConfig config =
        ConfigFiles.load(
                context,
                configOptions.file(context, main.configOptions),
                configOptions.envName(main.configOptions))
            .config();
    SourceConfig sourceConfig = config.sources().get(source);
    if (sourceConfig == null) {
      throw new CliFailure(
          "unknown source '"
              + source
              + "' (defined: "
              + String.join(", ", config.sources().keySet())
              + ")");
    }
    byte[] payload = payload(context);
    JsonNode parsed = ServerJson.parseOrNull(payload);
    if (parsed == null) {
      throw new CliFailure("the payload is not valid JSON");
    }
    if (dryRun) {
      List<String> matches =
          DryRun.matches(config, source, type, dryRunPayload(sourceConfig, payload));
      matches.forEach(context.out()::println);
      context.out().println(matches.size() + " consumer(s) match " + source + "/" + type);
      return 0;
    }
    return post(context, config, sourceConfig, payload);
  }

  /** A cron source's events carry {@code {"source", "fired_at"}}, whatever was given. */
  private byte[] dryRunPayload(SourceConfig sourceConfig, byte[] payload) {
    if (sourceConfig.type() != SourceType.CRON) {
      return payload;
    }
    Map<String, Object> tick = new LinkedHashMap<>();
    tick.put("source", source);
    tick.put("fired_at", Instant.now().toString());
    return ServerJson.write(tick);
  }

  private byte[] payload(CliContext context) throws IOException {
    if (file != null && json != null) {
      throw new CliFailure("give the payload either as JSON or with --file, not both");
    }
    if (file != null) {
      Path path = context.workDir().resolve(file);
      if (!Files.isReadable(path)) {
        throw new CliFailure("cannot read payload file " + path);
      }
      return Files.readAllBytes(path);
    }
    return (json == null ? "{}" : json).getBytes(StandardCharsets.UTF_8);
  }

  private int post(CliContext context, QHookConfig config, SourceConfig sourceConfig, byte[] body) {
    String base =
        "http://" + StartupReport.localHost(config.server().host()) + ":" + config.server().port();
    SendRequest request =
        SendRequest.of(
            sourceConfig,
            type,
            body,
            json != null || file != null,
            config.api().authToken(),
            Instant.now());
    return report(
        context,
        new HttpPost().post(URI.create(base + request.path()), request.body(), request.headers()));
  }

  private int report(CliContext context, HttpResponse<String> response) {
    context.out().println("status: " + response.statusCode());
    JsonNode body = ServerJson.parseOrNull(response.body().getBytes(StandardCharsets.UTF_8));
    boolean ok = response.statusCode() / 100 == 2;
    if (ok && body != null && body.has("event_id")) {
      context.out().println("event_id: " + body.path("event_id").asText());
      context.out().println("duplicate: " + body.path("duplicate").asBoolean());
      context.out().println("jobs_created: " + body.path("jobs_created").asInt());
    } else if (!ok) {
      context.err().println("error: " + HttpPost.error(response));
    }
    return ok ? 0 : 1;
  }
}
