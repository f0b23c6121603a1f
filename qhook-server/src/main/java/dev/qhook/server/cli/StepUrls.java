package dev.qhook.server.cli;

import dev.qhook.config.Branch;
import dev.qhook.config.CallbackStep;
import dev.qhook.config.HttpStep;
import dev.qhook.config.MapStep;
import dev.qhook.config.ParallelStep;
import dev.qhook.config.QHookConfig;
import dev.qhook.config.Step;
import dev.qhook.config.WorkflowConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/** The URLs the workflow steps of a config call, for {@code doctor}. */
final class StepUrls {
  private StepUrls() {}

  /** {@code workflow.step} (and {@code .branch} for parallel steps) to URL, in config order. */
  static Map<String, String> of(QHookConfig config) {
    Map<String, String> urls = new LinkedHashMap<>();
    for (WorkflowConfig workflow : config.workflows().values()) {
      for (Step step : workflow.steps()) {
        String name = workflow.name() + "." + step.name();
        if (step instanceof HttpStep http) {
          urls.put(name, http.call().url());
        } else if (step instanceof MapStep map) {
          urls.put(name, map.call().url());
        } else if (step instanceof CallbackStep callback && callback.notification() != null) {
          urls.put(name, callback.notification().url());
        } else if (step instanceof ParallelStep parallel) {
          for (Branch branch : parallel.branches()) {
            urls.put(name + "." + branch.name(), branch.call().url());
          }
        }
      }
    }
    return urls;
  }
}
