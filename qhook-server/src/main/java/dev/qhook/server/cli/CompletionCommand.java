package dev.qhook.server.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code qhook completion} (docs/reference/cli.md): prints a bash/zsh completion script generated
 * by picocli; {@code source <(bin/qhook completion)}.
 */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = "Print a bash/zsh completion script: source <(qhook completion).")
final class CompletionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Main main = (Main) spec.root().userObject();
    main.context().out().print(AutoComplete.bash("qhook", spec.root().commandLine()));
    return 0;
  }
}
