package dev.qhook.internal.workflow;

import dev.qhook.config.QHookConfig;
import dev.qhook.config.WorkflowConfig;
import dev.qhook.internal.routing.ConsumerRule;
import dev.qhook.internal.workflow.flow.WorkflowDefinitions;
import dev.qhook.spi.NewRun;
import dev.qhook.spi.Store;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The workflows of the config, each with its pinned definition (canonical JSON and content hash),
 * and the definitions runs are pinned to: a run executes the definition it started with, read back
 * from the store when the config has changed since (docs/architecture.md, "Workflow runs").
 */
public final class WorkflowCatalog {
  /** A workflow of the current config: its trigger and its definition as runs pin it. */
  public record Entry(WorkflowConfig config, NewRun.Definition definition, ConsumerRule trigger) {}

  private final Map<String, Entry> current = new LinkedHashMap<>();
  private final Map<String, WorkflowConfig> byHash = new ConcurrentHashMap<>();
  private final Store store;

  public WorkflowCatalog(QHookConfig config, Store store) {
    this.store = store;
    for (WorkflowConfig wf : config.workflows().values()) {
      String json = WorkflowDefinitions.canonical(wf);
      String hash = WorkflowDefinitions.versionOf(json);
      current.put(
          wf.name(),
          new Entry(
              wf,
              new NewRun.Definition(hash, json),
              ConsumerRule.compile(wf.events(), null, null, null)));
      byHash.put(hash, wf);
    }
  }

  /** Whether any workflow is configured. */
  public boolean isEmpty() {
    return current.isEmpty();
  }

  /** The workflows an event of {@code source} and {@code eventType} starts, in config order. */
  public List<Entry> matching(String source, String eventType) {
    List<Entry> matched = new ArrayList<>();
    for (Entry e : current.values()) {
      if (e.config().source().equals(source) && e.trigger().matches(eventType, null)) {
        matched.add(e);
      }
    }
    return matched;
  }

  /** The workflow called {@code name} in the current config. */
  public Optional<Entry> current(String name) {
    return Optional.ofNullable(current.get(name));
  }

  /**
   * The definition with content hash {@code hash}: the current one, or the one stored when a run
   * started.
   *
   * @throws IllegalStateException the store has no definition with this hash
   */
  public WorkflowConfig pinned(String hash) {
    WorkflowConfig known = byHash.get(hash);
    if (known != null) {
      return known;
    }
    String json =
        store
            .runs()
            .definition(hash)
            .orElseThrow(() -> new IllegalStateException("no workflow definition " + hash));
    WorkflowConfig read = WorkflowDefinitions.fromCanonical(json);
    byHash.put(hash, read);
    return read;
  }
}
