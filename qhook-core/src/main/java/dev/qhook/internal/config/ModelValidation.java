package dev.qhook.internal.config;

import dev.qhook.config.ConfigException;

/**
 * Validates a config built in code by the rules of a config file: the config is written as the tree
 * a file would hold ({@link ConfigTree}) and bound like one, so every rule, path and message is the
 * same as for YAML.
 */
public final class ModelValidation {
  private ModelValidation() {}

  /**
   * The config as binding reads it back (for example with the handler method in upper case).
   *
   * @throws ConfigException listing every problem, with config paths such as {@code
   *     handlers.billing.url}
   */
  public static BoundConfig validate(BoundConfig model) {
    Problems problems = new Problems();
    BoundConfig bound = ConfigBinder.bind(ConfigTree.of(model), problems, null);
    // Workflows are not written to the tree: Unsupported refuses every one of them. Whoever lifts
    // that refusal writes the section in ConfigTree first.
    BoundConfig checked = bound.withConsumers(bound.queues(), model.workflows());
    Unsupported.check(checked, problems);
    problems.throwIfAny();
    return checked;
  }

  /**
   * Refuses what this version does not run (workflows and outbound sources), without the other
   * rules: for a config made with the record constructors.
   *
   * @throws ConfigException naming the path of each refused section
   */
  public static void refuseUnsupported(BoundConfig config) {
    Problems problems = new Problems();
    Unsupported.check(config, problems);
    problems.throwIfAny();
  }
}
