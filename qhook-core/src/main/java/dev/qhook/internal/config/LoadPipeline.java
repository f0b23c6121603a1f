package dev.qhook.internal.config;

import static java.util.Objects.requireNonNull;

import dev.qhook.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The config loading pipeline (docs/reference/configuration.md, "Loading order"): environment name,
 * {@code .env.NAME}, parse, overlay, expansion, validation. Every error is collected and thrown
 * together as a {@link ConfigException}. The public entry point is {@code
 * dev.qhook.config.ConfigLoader}.
 */
public final class LoadPipeline {
  private LoadPipeline() {}

  /**
   * Loads {@code file}.
   *
   * @param envName the environment name, already resolved from {@code --env} or {@code QHOOK_ENV};
   *     null or blank for none
   * @param env the process environment (variables of {@code .env.NAME} are added where unset)
   * @param workingDir where {@code .env.NAME} is looked for and a relative SQLite file resolved
   * @throws ConfigException listing every problem
   */
  public static Result load(
      Path file, @Nullable String envName, Map<String, String> env, Path workingDir) {
    String name = envName != null && envName.isBlank() ? null : envName;
    Problems problems = new Problems();
    Map<String, String> environment = env;
    if (name != null) {
      String dotEnv = readIfExists(workingDir.resolve(".env." + name), problems);
      if (dotEnv != null) {
        environment = DotEnvFile.addUnset(env, DotEnvFile.parse(dotEnv));
      }
    }
    String base = read(file, problems);
    Map<String, Object> tree =
        base == null ? Map.of() : YamlDocuments.parse(base, file.toString(), problems);
    if (name != null) {
      Path overlayFile = overlayPath(file, name);
      String overlay = readIfExists(overlayFile, problems);
      if (overlay != null) {
        tree =
            DeepMerge.mergeRoots(
                tree, YamlDocuments.parse(overlay, overlayFile.toString(), problems));
      }
    }
    problems.throwIfAny();
    return bind(tree, environment, problems, workingDir);
  }

  /**
   * Loads YAML text with no overlay; a relative SQLite file stays relative.
   *
   * @throws ConfigException listing every problem
   */
  public static Result fromYaml(String yaml, Map<String, String> env) {
    Problems problems = new Problems();
    Map<String, Object> tree = YamlDocuments.parse(yaml, "<yaml>", problems);
    problems.throwIfAny();
    return bind(tree, env, problems, null);
  }

  /**
   * The overlay of {@code base} for environment {@code name}: same directory and extension, the
   * name inserted before the extension ({@code qhook.yaml} → {@code qhook.local.yaml}).
   */
  public static Path overlayPath(Path base, String name) {
    String fileName = base.getFileName().toString();
    int dot = fileName.lastIndexOf('.');
    String overlayName =
        dot <= 0
            ? fileName + "." + name
            : fileName.substring(0, dot) + "." + name + fileName.substring(dot);
    return base.resolveSibling(overlayName);
  }

  private static Result bind(
      Map<String, Object> tree,
      Map<String, String> env,
      Problems problems,
      @Nullable Path workingDir) {
    Map<String, Object> expanded =
        new TreeExpansion(new EnvExpander(env), problems).expandRoot(tree);
    BoundConfig config = ConfigBinder.bind(expanded, problems, workingDir);
    Unsupported.check(config, problems);
    problems.throwIfAny();
    List<String> warnings = new ArrayList<>(problems.warnings());
    warnings.addAll(Warnings.of(config));
    return new Result(config, warnings);
  }

  /**
   * A valid config and every warning found while loading it (docs/reference/configuration.md,
   * "Warnings"): unset variables first, then {@link Warnings} about the config.
   */
  public record Result(BoundConfig config, List<String> warnings) {
    public Result {
      requireNonNull(config, "config");
      warnings = List.copyOf(warnings);
    }
  }

  private static @Nullable String read(Path file, Problems problems) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      problems.error(file.toString(), "config file not found");
    } catch (IOException e) {
      problems.error(file.toString(), "cannot read config file: " + e.getMessage());
    }
    return null;
  }

  private static @Nullable String readIfExists(Path file, Problems problems) {
    return Files.exists(file) ? read(file, problems) : null;
  }
}
