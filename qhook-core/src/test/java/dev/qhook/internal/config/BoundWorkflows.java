package dev.qhook.internal.config;

import dev.qhook.config.WorkflowConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Test helper for other packages: the workflows of a YAML text as bound, whether or not the rest of
 * the config is refused by {@link Unsupported}.
 */
public final class BoundWorkflows {
  /** The example configs at the repository root, seen from a module directory. */
  public static final Path EXAMPLES = Path.of("..", "examples");

  private BoundWorkflows() {}

  public static Map<String, WorkflowConfig> bind(String yaml) {
    return Yaml.bind(yaml, ExampleConfigsTest.ENV).workflows();
  }

  /** The workflows of {@code examples/<file>}, with the variables the examples need. */
  public static Map<String, WorkflowConfig> example(String file) {
    try {
      return bind(Files.readString(EXAMPLES.resolve(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
