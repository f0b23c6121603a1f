package dev.qhook.server.cli;

import dev.qhook.config.LoadedConfig;
import dev.qhook.config.QHookConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code qhook validate} (docs/reference/configuration.md, "How problems are reported"): every
 * problem with its config path and exit 1, or warnings and a summary and exit 0.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Check the config file and report every problem.")
final class ValidateCommand implements Callable<Integer> {
  @Mixin ConfigOptions configOptions = new ConfigOptions();
  @ParentCommand Main main;

  @Override
  public Integer call() {
    CliContext context = main.context();
    Path file = configOptions.file(context, main.configOptions);
    LoadedConfig loaded =
        ConfigFiles.load(context, file, configOptions.envName(main.configOptions));
    loaded.warnings().forEach(w -> context.err().println("warning: " + w));
    QHookConfig config = loaded.config();
    context
        .out()
        .printf(
            "%s is valid: %d sources, %d handlers, %d queues, %d workflows%n",
            context.workDir().relativize(file.toAbsolutePath()),
            config.sources().size(),
            config.handlers().size(),
            config.queues().size(),
            config.workflows().size());
    return 0;
  }
}
