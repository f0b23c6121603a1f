package dev.qhook.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
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
  /** Every subcommand: the queues through the management API, remote or local. */
  abstract static class Sub extends ApiCommand {
    @Override
    final int run(ApiClient api, PrintWriter out) {
      try (QueueReader queues = new ApiQueues(api)) {
        return run(queues, new QueuePrinter(out));
      }
    }

    abstract int run(QueueReader queues, QueuePrinter out);
  }

  /** A subcommand of one queue, named by its parameter. */
  abstract static class OnQueue extends Sub {
    @Parameters(paramLabel = "NAME", description = "Queue name.")
    String name;
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the queues.")
  static final class ListQueues extends Sub {
    @Override
    int run(QueueReader queues, QueuePrinter out) {
      out.list(queues.list());
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
    int run(QueueReader queues, QueuePrinter out) {
      JsonNode detail = queues.detail(name);
      out.detail(detail, queues.peek(name, QueuePrinter.limit(limit)), limit);
      return 0;
    }
  }

  @Command(
      name = "peek",
      mixinStandardHelpOptions = true,
      description = "Show the oldest visible message without leasing it.")
  static final class Peek extends OnQueue {
    @Override
    int run(QueueReader queues, QueuePrinter out) {
      out.peek(name, queues.peek(name, 1));
      return 0;
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
    int run(QueueReader queues, QueuePrinter out) {
      out.deadLetters(name, queues.deadLetters(name, QueuePrinter.limit(limit)));
      return 0;
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
    int run(QueueReader queues, QueuePrinter out) {
      int redriven = queues.redrive(name, id).path("redriven").asInt();
      if (id != null && redriven == 0) {
        throw new CliFailure("message " + id + " is not a dead message of queue '" + name + "'");
      }
      out.line("redriven " + redriven + " message(s) of queue '" + name + "'");
      return 0;
    }
  }

  @Command(
      name = "drain",
      mixinStandardHelpOptions = true,
      description = "Delete every message of a queue, whatever its state.")
  static final class Drain extends OnQueue {
    @Option(
        names = {"-f", "--force", "-y", "--yes"},
        description = "Do not ask for confirmation.")
    boolean force;

    @Override
    int run(QueueReader queues, QueuePrinter out) {
      if (!force) {
        JsonNode q = queues.detail(name);
        String question =
            String.format(
                "Delete every message of queue '%s' (%d pending, %d in flight, %d dead, %d acked)?",
                name,
                q.path("depth").asLong() + q.path("delayed").asLong(),
                q.path("in_flight").asLong(),
                q.path("dead").asLong(),
                q.path("completed").asLong());
        if (!Confirmation.ask(context(), question)) {
          out.line("not drained");
          return 1;
        }
      }
      int deleted = queues.drain(name).path("deleted").asInt();
      out.line("deleted " + deleted + " message(s) of queue '" + name + "'");
      return 0;
    }
  }
}
