package dev.qhook.internal.config;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.qhook.config.ConfigException;
import dev.qhook.config.ConfigLoader;
import dev.qhook.config.ConfigProblem;
import dev.qhook.config.LoadedConfig;
import dev.qhook.config.QHookConfig;
import java.util.List;
import java.util.Map;

/**
 * Test helpers: load YAML text with a fixed environment, either through the whole pipeline ({@link
 * #load}, {@link #errors}) or only up to binding, before {@link Unsupported} refuses what the
 * engine does not run yet ({@link #bind}, {@link #bindingErrors}): the binders of refused sections
 * keep their rules and are tested there.
 */
final class Yaml {
  private Yaml() {}

  static QHookConfig load(String yaml) {
    return loadWithEnv(yaml, Map.of()).config();
  }

  static LoadedConfig loadWithEnv(String yaml, Map<String, String> env) {
    return ConfigLoader.builder().environment(env).build().fromYaml(yaml);
  }

  /** The problems of an invalid config, each as "path: message". */
  static List<String> errors(String yaml) {
    return problems(() -> load(yaml), yaml);
  }

  /** The problems of a config that is invalid with the environment {@code env}. */
  static List<String> errorsWithEnv(String yaml, Map<String, String> env) {
    return problems(() -> loadWithEnv(yaml, env), yaml);
  }

  /** The binding problems with the environment {@code env}, without the refusals. */
  static List<String> bindingErrorsWithEnv(String yaml, Map<String, String> env) {
    return problems(() -> bind(yaml, env), yaml);
  }

  /** The config as bound, without the refusal of unsupported capabilities. */
  static BoundConfig bind(String yaml) {
    return bind(yaml, Map.of());
  }

  static BoundConfig bind(String yaml, Map<String, String> env) {
    Problems problems = new Problems();
    Map<String, Object> tree = YamlDocuments.parse(yaml, "<yaml>", problems);
    problems.throwIfAny();
    Map<String, Object> expanded =
        new TreeExpansion(new EnvExpander(env), problems).expandRoot(tree);
    BoundConfig config = ConfigBinder.bind(expanded, problems, null);
    problems.throwIfAny();
    return config;
  }

  /** The binding problems of an invalid config, without the refusal of unsupported capabilities. */
  static List<String> bindingErrors(String yaml) {
    return problems(() -> bind(yaml), yaml);
  }

  private static List<String> problems(Runnable load, String yaml) {
    ConfigException e = catchThrowableOfType(ConfigException.class, load::run);
    if (e == null) {
      throw new AssertionError("expected the config to be invalid:\n" + yaml);
    }
    return e.problems().stream().map(ConfigProblem::toString).toList();
  }
}
