package dev.qhook.server.cli;

import dev.qhook.config.QHookConfig;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that reads or repairs stored data through the management API: with {@code --remote URL}
 * (or {@code QHOOK_REMOTE_URL}) through a running server, else on the configured database itself
 * ({@code -c/--config}, here or on {@code qhook}).
 */
abstract class ApiCommand implements Callable<Integer> {
  @Mixin ConfigOptions configOptions = new ConfigOptions();
  @Mixin RemoteOptions remoteOptions = new RemoteOptions();
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    try (ApiClient api = open()) {
      return run(api, context().out());
    }
  }

  abstract int run(ApiClient api, PrintWriter out);

  final Main main() {
    return (Main) spec.root().userObject();
  }

  final CliContext context() {
    return main().context();
  }

  /** The loaded config of this command, as {@code validate} loads it. */
  final QHookConfig config() {
    Main main = main();
    return ConfigFiles.load(
            context(),
            configOptions.file(context(), main.configOptions),
            configOptions.envName(main.configOptions))
        .config();
  }

  private ApiClient open() {
    String remote = remoteOptions.url(context());
    if (remote != null) {
      return new RemoteApi(remote, remoteOptions.token(context()));
    }
    return LocalApi.open(config());
  }
}
