package dev.qhook.server.cli;

import dev.qhook.QHook;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * {@code qhook [COMMAND] [FLAGS]}; without a command it runs {@code start}. Exit status: 0 success,
 * 1 failure or problems found, 2 usage error.
 */
@Command(
    name = "qhook",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Event gateway: verified webhooks and events in, durable reliable delivery out.",
    subcommands = {
      StartCommand.class,
      ValidateCommand.class,
      InitCommand.class,
      SendCommand.class,
      QueuesCommand.class,
      EventsCommand.class,
      JobsCommand.class,
      InspectCommand.class,
      StatusCommand.class,
      TailCommand.class,
      ExportCommand.class,
      ReplayLocalCommand.class,
      DoctorCommand.class,
      CompletionCommand.class,
      WorkflowRunsCommand.class,
      CdsTrainingCommand.class
    })
public final class Main implements Callable<Integer> {
  @Mixin ConfigOptions configOptions = new ConfigOptions();

  @Spec CommandLine.Model.CommandSpec spec;

  private final CliContext context;

  Main(CliContext context) {
    this.context = context;
  }

  CliContext context() {
    return context;
  }

  public static void main(String[] args) {
    LogSetup.fromEnvironment(System.getenv());
    System.setProperty("sun.net.httpserver.nodelay", "true");
    System.exit(run(CliContext.ofProcess(), args));
  }

  /** Runs one command line and returns its exit status. */
  public static int run(CliContext context, String... args) {
    CommandLine cli = new CommandLine(new Main(context));
    cli.setOut(context.out());
    cli.setErr(context.err());
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("error: " + describe(e));
          commandLine.getErr().flush();
          return CommandLine.ExitCode.SOFTWARE;
        });
    int status = cli.execute(args);
    context.out().flush();
    context.err().flush();
    return status;
  }

  private static String describe(Exception e) {
    if (e instanceof CliFailure || e.getCause() == null) {
      return String.valueOf(e.getMessage());
    }
    return e.getMessage() + " (" + e.getCause().getMessage() + ")";
  }

  /** Without a command: {@code start}. */
  @Override
  public Integer call() throws Exception {
    return new ServerRun(context, configOptions.file(context, null), configOptions.envName(null))
        .call();
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"qhook " + QHook.VERSION};
    }
  }
}
