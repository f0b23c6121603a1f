package dev.qhook.internal.config;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.qhook.config.ConfigException;
import dev.qhook.config.ConfigProblem;
import dev.qhook.config.QHookConfig;
import java.util.List;
import java.util.Map;

/** Test helpers: load YAML text with a fixed environment. */
final class Yaml {
  private Yaml() {}

  static QHookConfig load(String yaml) {
    return ConfigLoader.fromYaml(yaml, Map.of()).config();
  }

  static LoadedConfig loadWithEnv(String yaml, Map<String, String> env) {
    return ConfigLoader.fromYaml(yaml, env);
  }

  /** The problems of an invalid config, each as "path: message". */
  static List<String> errors(String yaml) {
    ConfigException e =
        catchThrowableOfType(ConfigException.class, () -> ConfigLoader.fromYaml(yaml, Map.of()));
    if (e == null) {
      throw new AssertionError("expected the config to be invalid:\n" + yaml);
    }
    return e.problems().stream().map(ConfigProblem::toString).toList();
  }
}
