package dev.qhook.bench;

/** Runs a bench main: a bad option or a failed run prints one line and exits non-zero. */
final class Cli {
  interface Body {
    void run() throws Exception;
  }

  private Cli() {}

  static void run(String name, Body body) {
    try {
      body.run();
    } catch (IllegalArgumentException e) {
      System.err.println(name + ": " + e.getMessage());
      System.exit(2);
    } catch (Exception e) {
      System.err.println(name + ": failed: " + e);
      System.exit(1);
    }
  }
}
