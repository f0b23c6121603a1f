package dev.qhook.internal.config;

import dev.qhook.config.AlertsConfig;
import dev.qhook.config.DeliveryConfig;
import dev.qhook.config.HandlerConfig;
import dev.qhook.config.QueueConfig;
import dev.qhook.config.ServerConfig;
import dev.qhook.config.SourceConfig;
import dev.qhook.config.WorkerConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Binds an expanded config tree into a {@link BoundConfig}, reporting every problem found. What the
 * engine does not run yet is refused afterwards, by {@link Unsupported}.
 */
final class ConfigBinder {
  static final List<String> SECTIONS =
      List.of(
          "database",
          "server",
          "api",
          "delivery",
          "worker",
          "retention",
          "sources",
          "handlers",
          "queues",
          "workflows",
          "alerts");

  private ConfigBinder() {}

  static BoundConfig bind(Map<String, Object> tree, Problems problems, @Nullable Path workingDir) {
    Section root = Section.of(tree, "", problems);
    root.allowOnly(SECTIONS);
    ServerConfig server = GlobalSectionsBinder.server(root.section("server"));
    WorkerConfig worker = GlobalSectionsBinder.worker(root.section("worker"));
    DeliveryConfig delivery = GlobalSectionsBinder.delivery(root.section("delivery"), worker);
    BindContext ctx = new BindContext(problems, server, delivery, worker);
    Map<String, SourceConfig> sources = SourcesBinder.bind(root.section("sources"), ctx);
    Map<String, HandlerConfig> handlers =
        ConsumersBinder.handlers(root.section("handlers"), sources, ctx);
    Map<String, QueueConfig> queues = ConsumersBinder.queues(root.section("queues"), sources, ctx);
    for (String queue : queues.keySet()) {
      if (handlers.containsKey(queue)) {
        problems.error("queues." + queue, "a queue must not have the name of a handler");
      }
    }
    AlertsConfig alerts =
        root.has("alerts") && root.raw("alerts") != null
            ? AlertsBinder.bind(root.section("alerts"))
            : null;
    return new BoundConfig(
        GlobalSectionsBinder.database(root.section("database"), workingDir),
        server,
        GlobalSectionsBinder.api(root.section("api")),
        delivery,
        worker,
        GlobalSectionsBinder.retention(root.section("retention")),
        sources,
        handlers,
        queues,
        WorkflowsBinder.bind(root.section("workflows"), sources, ctx),
        alerts);
  }
}
