package dev.qhook.config;

import static java.util.Objects.requireNonNull;

import dev.qhook.internal.config.ModelValidation;
import dev.qhook.internal.config.Warnings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A whole qhook configuration (docs/reference/configuration.md). Load it from a YAML file with
 * {@link #load(Path)} (or a {@link ConfigLoader}), or build it in code with {@link #builder()};
 * both are validated by the same rules and report the same {@link ConfigException}. The maps keep
 * config-file order, which decides idempotency-key precedence (docs/reference/configuration.md,
 * "Idempotency keys").
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
   * Loads {@code file} as a config file is loaded (docs/reference/configuration.md, "Loading
   * order"), with the environment name from {@code QHOOK_ENV} (if set) and the process environment.
   * Warnings are dropped; {@link ConfigLoader} returns them.
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

  /** A builder that starts from {@link #defaults()}. */
  public static Builder builder() {
    return defaults().toBuilder();
  }

  /**
   * Refuses every configured capability this version does not run yet (docs/reference/
   * configuration.md, "Not supported yet"). Loading and {@link Builder#build()} do this already;
   * the engine does it again for configs made with the record constructors.
   *
   * @throws ConfigException naming the path of each refused section
   */
  public void requireSupported() {
    ModelValidation.refuseUnsupported(Parts.of(this));
  }

  /** A builder that starts from this config (for example one loaded from a file). */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * The non-fatal findings about this config (docs/reference/configuration.md, "Warnings"): no
   * {@code api.auth_token} (loud when {@code server.host} is not a loopback address), {@code
   * server.allow_private_urls} on, a queue open to anyone. Loading adds unset variables to these
   * (see {@link LoadedConfig}).
   */
  public List<String> warnings() {
    return Warnings.of(Parts.of(this));
  }

  /**
   * Builds a {@link QHookConfig} in code. Sources and handlers keep the order they are added in
   * (the order of a config file); adding one with the name of an earlier one replaces it.
   *
   * <pre>{@code
   * QHookConfig config =
   *     QHookConfig.builder()
   *         .source(SourceConfig.webhook("github").verify("github").secret(secret).build())
   *         .handler(
   *             HandlerConfig.builder("billing")
   *                 .source("github")
   *                 .url("https://billing.example.com/hooks")
   *                 .events("push")
   *                 .build())
   *         .build();
   * }</pre>
   */
  public static final class Builder {
    private DatabaseConfig database;
    private ServerConfig server;
    private ApiConfig api;
    private DeliveryConfig delivery;
    private WorkerConfig worker;
    private RetentionConfig retention;
    private final Map<String, SourceConfig> sources;
    private final Map<String, HandlerConfig> handlers;
    private final Map<String, QueueConfig> queues;
    private final Map<String, WorkflowConfig> workflows;
    private @Nullable AlertsConfig alerts;

    private Builder(QHookConfig from) {
      database = from.database;
      server = from.server;
      api = from.api;
      delivery = from.delivery;
      worker = from.worker;
      retention = from.retention;
      sources = new LinkedHashMap<>(from.sources);
      handlers = new LinkedHashMap<>(from.handlers);
      queues = new LinkedHashMap<>(from.queues);
      workflows = new LinkedHashMap<>(from.workflows);
      alerts = from.alerts;
    }

    /** Default {@link DatabaseConfig#DEFAULT} (SQLite file {@code qhook.db}). */
    public Builder database(DatabaseConfig database) {
      this.database = requireNonNull(database, "database");
      return this;
    }

    /** Default {@link ServerConfig#DEFAULT}; see {@link ServerConfig#builder()}. */
    public Builder server(ServerConfig server) {
      this.server = requireNonNull(server, "server");
      return this;
    }

    /** Default {@link ApiConfig#OPEN} (no tokens). */
    public Builder api(ApiConfig api) {
      this.api = requireNonNull(api, "api");
      return this;
    }

    /** Default {@link DeliveryConfig#DEFAULT}. */
    public Builder delivery(DeliveryConfig delivery) {
      this.delivery = requireNonNull(delivery, "delivery");
      return this;
    }

    /** Default {@link WorkerConfig#DEFAULT}. */
    public Builder worker(WorkerConfig worker) {
      this.worker = requireNonNull(worker, "worker");
      return this;
    }

    /** Default {@link RetentionConfig#DEFAULT} (7 days). */
    public Builder retention(RetentionConfig retention) {
      this.retention = requireNonNull(retention, "retention");
      return this;
    }

    /** Adds {@code source}, or replaces the source of the same name. */
    public Builder source(SourceConfig source) {
      sources.put(source.name(), source);
      return this;
    }

    /** Adds {@code handler}, or replaces the handler of the same name. */
    public Builder handler(HandlerConfig handler) {
      handlers.put(handler.name(), handler);
      return this;
    }

    /** Adds {@code queue}, or replaces the queue of the same name. */
    public Builder queue(QueueConfig queue) {
      queues.put(queue.name(), queue);
      return this;
    }

    /** The {@code alerts} section; null (the default) turns alerts off. */
    public Builder alerts(@Nullable AlertsConfig alerts) {
      this.alerts = alerts;
      return this;
    }

    /**
     * Validates the config by the rules of a config file (docs/reference/configuration.md, "Errors
     * and warnings") and returns it as loading would bind it (for example with handler methods in
     * upper case).
     *
     * @throws ConfigException listing every problem, each with its config path (for example {@code
     *     handlers.billing.url: required})
     */
    public QHookConfig build() {
      QHookConfig model =
          new QHookConfig(
              database, server, api, delivery, worker, retention, sources, handlers, queues,
              workflows, alerts);
      return Parts.config(ModelValidation.validate(Parts.of(model)));
    }
  }
}
