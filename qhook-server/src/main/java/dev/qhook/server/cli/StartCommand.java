package dev.qhook.server.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code qhook start}: loads config, migrates the database, serves until SIGTERM or SIGINT. */
@Command(
    name = "start",
    mixinStandardHelpOptions = true,
    description = "Start the HTTP server and the delivery worker.")
final class StartCommand implements Callable<Integer> {
  @Mixin ConfigOptions configOptions = new ConfigOptions();
  @ParentCommand Main main;

  @Override
  public Integer call() throws Exception {
    CliContext context = main.context();
    return new ServerRun(
            context,
            configOptions.file(context, main.configOptions),
            configOptions.envName(main.configOptions))
        .call();
  }
}
