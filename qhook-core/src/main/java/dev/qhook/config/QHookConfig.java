package dev.qhook.config;

import static java.util.Objects.requireNonNull;

import dev.qhook.internal.config.Warnings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A whole qhook configuration (SPEC §2). Load it from a YAML file with {@link #load(Path)} (or a
 * {@link ConfigLoader}), or start from {@link #defaults()} and build it in code. The maps keep
 * config-file order, which decides idempotency-key precedence (SPEC §3.6).
 *
 * <p>The canonical constructor only checks for nulls: a config made with it is not validated.
 *
 * @param alerts the {@code alerts} section, or null when alerts are off
 */
public record QHookConfig(
    DatabaseConfig database,
    ServerConfig server,
    ApiConfig api,
    DeliveryConfig delivery,
    WorkerConfig worker,
    RetentionConfig retention,
    Map<String, SourceConfig> sources,
    Map<String, HandlerConfig> handlers,
    Map<String, QueueConfig> queues,
    Map<String, WorkflowConfig> workflows,
    @Nullable AlertsConfig alerts) {
  public QHookConfig {
    requireNonNull(database, "database");
    requireNonNull(server, "server");
    requireNonNull(api, "api");
    requireNonNull(delivery, "delivery");
    requireNonNull(worker, "worker");
    requireNonNull(retention, "retention");
    sources = Copies.orderedMap(sources);
    handlers = Copies.orderedMap(handlers);
    queues = Copies.orderedMap(queues);
    workflows = Copies.orderedMap(workflows);
  }

  /**
   * Loads {@code file} as SPEC §2.1 describes, with the environment name from {@code QHOOK_ENV} (if
   * set) and the process environment. Warnings are dropped; {@link ConfigLoader} returns them.
   *
   * @throws ConfigException listing every problem when the file is missing or invalid
   */
  public static QHookConfig load(Path file) {
    return load(file, null);
  }

  /**
   * Loads {@code file} with the overlay {@code qhook.<envName>.yaml} beside it and the variables of
   * {@code .env.<envName>} in the working directory, if they exist.
   *
   * @param envName as {@code --env}; null falls back to the {@code QHOOK_ENV} variable
   * @throws ConfigException listing every problem when the file is missing or invalid
   */
  public static QHookConfig load(Path file, @Nullable String envName) {
    return ConfigLoader.builder().envName(envName).build().load(file).config();
  }

  /**
   * Parses and validates YAML text, expanding variables from the process environment. Without a
   * file there is no overlay, and a relative SQLite file stays relative.
   *
   * @throws ConfigException listing every problem
   */
  public static QHookConfig fromYaml(String yaml) {
    return ConfigLoader.builder().build().fromYaml(yaml).config();
  }

  /**
   * Every section at its default and no sources, handlers, queues or workflows: SQLite file {@code
   * qhook.db}, port 8888, 30 s timeout, {@link RetryPolicy#DEFAULT}, no alerts.
   */
  public static QHookConfig defaults() {
    return new QHookConfig(
        DatabaseConfig.DEFAULT,
        ServerConfig.DEFAULT,
        ApiConfig.OPEN,
        DeliveryConfig.DEFAULT,
        WorkerConfig.DEFAULT,
        RetentionConfig.DEFAULT,
        Map.of(),
        Map.of(),
        Map.of(),
        Map.of(),
        null);
  }

  /**
   * The non-fatal findings of SPEC §2.11 about this config: no {@code api.auth_token} (loud when
   * {@code server.host} is not a loopback address), {@code server.allow_private_urls} on, a queue
   * open to anyone. Loading adds unset variables to these (see {@link LoadedConfig}).
   */
  public List<String> warnings() {
    return Warnings.of(Parts.of(this));
  }
}
