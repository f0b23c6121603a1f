package dev.qhook.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qhook.server.internal.http.ServerJson;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code qhook queues list | inspect | peek | dlq | retry | drain} (docs/reference/cli.md): the
 * pull queues, from the database or with {@code --remote} through the management API.
 */
@Command(
    name = "queues",
    mixinStandardHelpOptions = true,
    description = "Inspect and repair pull queues.",
    subcommands = {
      QueuesCommand.ListQueues.class,
      QueuesCommand.Inspect.class,
      QueuesCommand.Peek.class,
      QueuesCommand.DeadLetters.class,
      QueuesCommand.Retry.class,
      QueuesCommand.Drain.class
    })
final class QueuesCommand {
  /** {@code /api/queues/{name}}. */
  static ApiPath queue(String name) {
    return ApiPath.of("/api/queues/", name);
  }

  /** A subcommand of one queue, named by its parameter. */
  abstract static class OnQueue extends ApiCommand {
    @Parameters(paramLabel = "NAME", description = "Queue name.")
    String name;

    @Mixin JsonOption output = new JsonOption();

    /** The JSON of {@code GET path} with {@code --json}, else what {@code text} prints of it. */
    final int show(ApiClient api, PrintWriter out, ApiPath path, Consumer<JsonNode> text) {
      JsonNode body = api.get(path.toString());
      if (output.json) {
        out.println(body);
      } else {
        text.accept(body);
      }
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the queues.")
  static final class ListQueues extends ApiCommand {
    @Mixin JsonOption output = new JsonOption();

    @Override
    int run(ApiClient api, PrintWriter out) {
      JsonNode body = api.get("/api/queues");
      if (output.json) {
        out.println(body);
      } else {
        new QueuePrinter(out).list(body);
      }
      return 0;
    }
  }

  @Command(
      name = "inspect",
      mixinStandardHelpOptions = true,
      description = "Show a queue's config, counts and oldest visible messages.")
  static final class Inspect extends OnQueue {
    @Option(
        names = {"-l", "--limit"},
        defaultValue = "10",
        description = "Messages shown (default 10).")
    int limit;

    @Override
    int run(ApiClient api, PrintWriter out) {
      JsonNode detail = api.get(queue(name).toString());
      JsonNode peeked =
          api.get(
              queue(name).segment("/peek").param("limit", QueuePrinter.limit(limit)).toString());
      if (output.json) {
        ((ObjectNode) detail).set("messages", peeked.path("messages"));
        out.println(detail);
      } else {
        new QueuePrinter(out).detail(detail, peeked, limit);
      }
      return 0;
    }
  }

  @Command(
      name = "peek",
      mixinStandardHelpOptions = true,
      description = "Show the oldest visible message without leasing it.")
  static final class Peek extends OnQueue {
    @Override
    int run(ApiClient api, PrintWriter out) {
      return show(
          api,
          out,
          queue(name).segment("/peek").param("limit", 1),
          peeked -> new QueuePrinter(out).peek(name, peeked));
    }
  }

  @Command(
      name = "dlq",
      mixinStandardHelpOptions = true,
      description = "List dead messages and their last errors.")
  static final class DeadLetters extends OnQueue {
    @Option(
        names = {"-l", "--limit"},
        defaultValue = "20",
        description = "Messages shown (default 20).")
    int limit;

    @Override
    int run(ApiClient api, PrintWriter out) {
      return show(
          api,
          out,
          queue(name).segment("/dlq").param("limit", QueuePrinter.limit(limit)),
          page -> new QueuePrinter(out).deadLetters(name, page));
    }
  }

  @Command(
      name = "retry",
      mixinStandardHelpOptions = true,
      description = "Make dead messages visible again with their delivery count reset.")
  static final class Retry extends OnQueue {
    @Option(names = "--id", paramLabel = "MSG", description = "Only this dead message.")
    @Nullable String id;

    @Override
    int run(ApiClient api, PrintWriter out) {
      String body =
          id == null
              ? ""
              : new String(ServerJson.write(Map.of("ids", List.of(id))), StandardCharsets.UTF_8);
      JsonNode answer = api.post(queue(name).segment("/dlq/redrive").toString(), body);
      int redriven = answer.path("redriven").asInt();
      if (id != null && redriven == 0) {
        throw new CliFailure("message " + id + " is not a dead message of queue '" + name + "'");
      }
      out.println(
          output.json
              ? answer.toString()
              : "redriven " + redriven + " message(s) of queue '" + name + "'");
      return 0;
    }
  }

  @Command(
      name = "drain",
      mixinStandardHelpOptions = true,
      description = "Delete every message of a queue, whatever its state.")
  static final class Drain extends OnQueue {
    @Mixin YesOption confirm = new YesOption();

    @Override
    int run(ApiClient api, PrintWriter out) {
      if (!confirm.confirmed(context(), () -> question(api))) {
        out.println("not drained");
        return 1;
      }
      return change(
          api,
          out,
          queue(name).segment("/drain"),
          "",
          output.json,
          answer ->
              "deleted " + answer.path("deleted").asInt() + " message(s) of queue '" + name + "'");
    }

    private String question(ApiClient api) {
      JsonNode q = api.get(queue(name).toString());
      return String.format(
          "Delete every message of queue '%s' (%d pending, %d in flight, %d dead, %d acked)?",
          name,
          q.path("depth").asLong() + q.path("delayed").asLong(),
          q.path("in_flight").asLong(),
          q.path("dead").asLong(),
          q.path("completed").asLong());
    }
  }
}
