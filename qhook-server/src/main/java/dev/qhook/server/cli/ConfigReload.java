package dev.qhook.server.cli;

import dev.qhook.Alert;
import dev.qhook.config.ConfigException;
import dev.qhook.config.HandlerConfig;
import dev.qhook.config.QHookConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIGHUP on a running server (docs/reference/configuration.md, "Reloading"): reloads and validates
 * the config and logs what changed. Nothing is applied; a restart is required. An invalid file is
 * logged with its problems and raises a {@code custom} alert.
 */
final class ConfigReload implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(ConfigReload.class);
  private static final int PROBLEMS_IN_ALERT = 5;

  private final CliContext context;
  private final Path file;
  private final @Nullable String envName;
  private final QHookConfig running;
  private final Consumer<Alert> alerts;

  /**
   * @param alerts where the alert for an invalid file goes: the engine's {@code raiseAlert}
   */
  ConfigReload(
      CliContext context,
      Path file,
      @Nullable String envName,
      QHookConfig running,
      Consumer<Alert> alerts) {
    this.context = context;
    this.file = file;
    this.envName = envName;
    this.running = running;
    this.alerts = alerts;
  }

  @Override
  public void run() {
    QHookConfig reloaded;
    try {
      reloaded = ConfigFiles.loadOrThrow(context, file, envName).config();
    } catch (ConfigException e) {
      log.error("SIGHUP: {} is invalid; the running config stays:\n{}", file, e.getMessage());
      alerts.accept(Alert.custom(invalid(e)));
      return;
    } catch (RuntimeException e) {
      log.error("SIGHUP: reading {} failed: {}", file, e.getMessage());
      alerts.accept(
          Alert.custom(
              "config reload failed: reading "
                  + file
                  + " failed: "
                  + e.getMessage()
                  + "; the running config stays"));
      return;
    }
    List<String> changes = differences(running, reloaded);
    if (changes.isEmpty()) {
      log.info("SIGHUP: {} is valid and unchanged", file);
      return;
    }
    changes.forEach(change -> log.info("SIGHUP: {}", change));
    log.warn("SIGHUP: config changes are not applied; restart qhook to use them");
  }

  /**
   * The one-line alert message: the file, the number of problems and the first {@value
   * #PROBLEMS_IN_ALERT} of them (already free of credentials, see the "Messages" section of
   * docs/reference/configuration.md).
   */
  private String invalid(ConfigException e) {
    List<String> problems = e.problems().stream().map(Object::toString).toList();
    int count = problems.size();
    String shown = String.join("; ", problems.subList(0, Math.min(count, PROBLEMS_IN_ALERT)));
    String more = count > PROBLEMS_IN_ALERT ? "; and " + (count - PROBLEMS_IN_ALERT) + " more" : "";
    return "config reload failed: "
        + file
        + " is invalid ("
        + count
        + (count == 1 ? " problem" : " problems")
        + "); the running config stays: "
        + shown
        + more;
  }

  /** Added and removed consumers and sources, handler URL changes, and restart-only settings. */
  static List<String> differences(QHookConfig before, QHookConfig after) {
    List<String> changes = new ArrayList<>();
    names(changes, "source", before.sources(), after.sources());
    names(changes, "handler", before.handlers(), after.handlers());
    names(changes, "queue", before.queues(), after.queues());
    names(changes, "workflow", before.workflows(), after.workflows());
    for (Map.Entry<String, HandlerConfig> entry : after.handlers().entrySet()) {
      HandlerConfig old = before.handlers().get(entry.getKey());
      if (old != null && !old.url().equals(entry.getValue().url())) {
        changes.add("handler " + entry.getKey() + " URL changed");
      }
    }
    if (!Objects.equals(before.server().host(), after.server().host())
        || before.server().port() != after.server().port()) {
      changes.add("warning: server.host or server.port changed");
    }
    if (!before.database().equals(after.database())) {
      changes.add("warning: database settings changed");
    }
    return changes;
  }

  private static void names(
      List<String> changes, String kind, Map<String, ?> before, Map<String, ?> after) {
    Set<String> added = new TreeSet<>(after.keySet());
    added.removeAll(before.keySet());
    Set<String> removed = new TreeSet<>(before.keySet());
    removed.removeAll(after.keySet());
    added.forEach(name -> changes.add(kind + " " + name + " added"));
    removed.forEach(name -> changes.add(kind + " " + name + " removed"));
  }
}
