package dev.qhook.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.config.QHookConfig;
import dev.qhook.config.SourceConfig;
import dev.qhook.server.internal.http.ServerJson;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code qhook send}: posts a JSON payload to the local server with {@code ce-type} and prints the
 * outcome, or with {@code --dry-run} lists the consumers it would reach (handlers only in this
 * version).
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
  public Integer call() throws IOException, InterruptedException {
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
      List<String> matches = DryRun.matches(config, source, type, payload);
      matches.forEach(context.out()::println);
      context.out().println(matches.size() + " consumer(s) match " + source + "/" + type);
      return 0;
    }
    return post(context, config, sourceConfig, payload);
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

  private int post(CliContext context, QHookConfig config, SourceConfig sourceConfig, byte[] body)
      throws IOException, InterruptedException {
    String base =
        "http://" + StartupReport.localHost(config.server().host()) + ":" + config.server().port();
    URI uri = URI.create(base + path(sourceConfig));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("ce-type", type)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    String token = config.api().authToken();
    if (token != null && isEventRoute(sourceConfig)) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response;
    try {
      response =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(5))
              .build()
              .send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException e) {
      throw new CliFailure("cannot reach qhook at " + base + " (is `qhook start` running?)");
    }
    return report(context, response);
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
      String message =
          body != null && body.has("message")
              ? body.path("code").asText() + ": " + body.path("message").asText()
              : response.body();
      context.err().println("error: " + message);
    }
    return ok ? 0 : 1;
  }

  private static boolean isEventRoute(SourceConfig source) {
    return switch (source.type()) {
      case EVENT, OUTBOUND -> true;
      default -> false;
    };
  }

  private String path(SourceConfig sourceConfig) {
    String name = encode(source);
    return switch (sourceConfig.type()) {
      case EVENT, OUTBOUND -> "/events/" + name + "/" + encode(type);
      case SNS -> "/sns/" + name;
      default -> "/webhooks/" + name;
    };
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
