package dev.qhook.config;

import static java.util.Objects.requireNonNull;

import dev.qhook.internal.config.LoadPipeline;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Loads config files (docs/reference/configuration.md, "Loading order"): the environment name, the
 * variables of {@code .env.<name>}, the base file and its overlay {@code qhook.<name>.yaml},
 * variable expansion and validation. {@link QHookConfig#load(Path)} is the short form; use a loader
 * to choose the environment and working directory, or to get the warnings:
 *
 * <pre>{@code
 * LoadedConfig loaded = ConfigLoader.builder().envName("local").build().load(Path.of("qhook.yaml"));
 * loaded.warnings().forEach(log::warn);
 * }</pre>
 */
public final class ConfigLoader {
  /** The variable that names the environment when none is given: {@value}. */
  public static final String ENV_NAME_VARIABLE = "QHOOK_ENV";

  private final @Nullable String envName;
  private final Map<String, String> environment;
  private final Path workingDirectory;

  private ConfigLoader(Builder b) {
    this.envName = b.envName;
    this.environment = b.environment;
    this.workingDirectory = b.workingDirectory;
  }

  /** A loader with the process environment and the current working directory. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Loads {@code file}.
   *
   * @throws ConfigException listing every problem when the file is missing or invalid
   */
  public LoadedConfig load(Path file) {
    requireNonNull(file, "file");
    String name =
        envName != null && !envName.isBlank() ? envName : environment.get(ENV_NAME_VARIABLE);
    return loaded(LoadPipeline.load(file, name, environment, workingDirectory));
  }

  /**
   * Parses and validates YAML text. Without a file there is no overlay and no {@code .env} file,
   * and a relative SQLite file stays relative.
   *
   * @throws ConfigException listing every problem
   */
  public LoadedConfig fromYaml(String yaml) {
    requireNonNull(yaml, "yaml");
    return loaded(LoadPipeline.fromYaml(yaml, environment));
  }

  private static LoadedConfig loaded(LoadPipeline.Result result) {
    return new LoadedConfig(Parts.config(result.config()), result.warnings());
  }

  /** Options of a {@link ConfigLoader}. */
  public static final class Builder {
    private @Nullable String envName;
    private Map<String, String> environment = System.getenv();
    private Path workingDirectory = Path.of("").toAbsolutePath();

    private Builder() {}

    /**
     * The environment name, as {@code --env} gives it; null or blank (the default) falls back to
     * the variable {@value #ENV_NAME_VARIABLE} of {@link #environment}.
     */
    public Builder envName(@Nullable String envName) {
      this.envName = envName;
      return this;
    }

    /**
     * The variables that {@code ${VAR}} references read; default the process environment. The
     * variables of {@code .env.<name>} are added where unset.
     */
    public Builder environment(Map<String, String> environment) {
      this.environment = Map.copyOf(requireNonNull(environment, "environment"));
      return this;
    }

    /**
     * Where {@code .env.<name>} is looked for and a relative SQLite file is resolved; default the
     * current working directory.
     */
    public Builder workingDirectory(Path workingDirectory) {
      this.workingDirectory = requireNonNull(workingDirectory, "workingDirectory").toAbsolutePath();
      return this;
    }

    public ConfigLoader build() {
      return new ConfigLoader(this);
    }
  }
}
