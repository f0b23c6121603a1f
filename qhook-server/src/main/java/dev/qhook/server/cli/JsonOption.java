package dev.qhook.server.cli;

import picocli.CommandLine.Option;

/** {@code --json} of the commands that change data: print the API's JSON answer, for scripts. */
final class JsonOption {
  @Option(names = "--json", description = "Print the API's JSON answer instead of a sentence.")
  boolean json;
}
