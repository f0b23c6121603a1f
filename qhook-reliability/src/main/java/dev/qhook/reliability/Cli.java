package dev.qhook.reliability;

/**
 * Runs a main of the kit: a bad option prints one line and exits 2, a failed run exits 1, a run
 * whose checks failed exits 3 (the kit goes on with the next scenario and fails at the end).
 */
final class Cli {
  static final int CHECKS_FAILED = 3;

  interface Body {
    int run() throws Exception;
  }

  private Cli() {}

  static void run(String name, Body body) {
    int status;
    try {
      status = body.run();
    } catch (IllegalArgumentException e) {
      System.err.println(name + ": " + e.getMessage());
      status = 2;
    } catch (Exception e) {
      System.err.println(name + ": failed: " + e);
      e.printStackTrace();
      status = 1;
    }
    System.out.flush();
    System.exit(status);
  }
}
