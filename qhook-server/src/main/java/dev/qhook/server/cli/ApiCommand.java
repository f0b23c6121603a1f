package dev.qhook.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.config.QHookConfig;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
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

  /**
   * A list command: one page of {@code path} with the paging of {@code list}; its JSON with {@code
   * --json}, else the table made of the items under {@code key} and how to get the next page.
   */
  static int listPage(
      ApiClient api,
      PrintWriter out,
      ApiPath path,
      ListOptions list,
      String key,
      String noun,
      Function<JsonNode, Table> table) {
    JsonNode page = api.get(list.apply(path).toString());
    if (list.json) {
      out.println(page);
    } else {
      Printing.page(out, table.apply(page.path(key)), page, key, noun);
    }
    return 0;
  }

  /**
   * A change through the API ({@code POST path} with {@code body}, none when null): its JSON answer
   * with {@code json}, else the line made of it.
   */
  static int change(
      ApiClient api,
      PrintWriter out,
      ApiPath path,
      @Nullable String body,
      boolean json,
      Function<JsonNode, String> line) {
    JsonNode answer = api.post(path.toString(), body);
    out.println(json ? answer.toString() : line.apply(answer));
    return 0;
  }

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
