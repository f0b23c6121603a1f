package dev.qhook.server.cli;

/** A command failed for a reason the user can act on; printed as one message, exit status 1. */
final class CliFailure extends RuntimeException {
  CliFailure(String message) {
    super(message, null, false, false);
  }
}
