package dev.qhook.internal.config;

import dev.qhook.config.CatchRule;
import dev.qhook.config.ChoiceStep;
import dev.qhook.config.FallibleStep;
import dev.qhook.config.SequentialStep;
import dev.qhook.config.Step;
import dev.qhook.config.SubWorkflowStep;
import dev.qhook.config.WorkflowConfig;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * References between workflow steps and workflows: {@code goto}, {@code catch[].goto}, {@code
 * choices[].goto} and {@code default} name a step of the same workflow; a {@code workflow} step
 * names another workflow, and sub-workflows form no cycle.
 */
final class WorkflowChecks {
  private WorkflowChecks() {}

  static void check(Section workflows, Map<String, WorkflowConfig> all) {
    Problems problems = workflows.problems();
    for (WorkflowConfig wf : all.values()) {
      List<String> stepNames = wf.steps().stream().map(Step::name).toList();
      String stepsPath = workflows.pathOf(wf.name()) + ".steps";
      for (int i = 0; i < wf.steps().size(); i++) {
        Step step = wf.steps().get(i);
        String at = stepsPath + "[" + i + "]";
        StepRef refs = new StepRef(problems, wf.name(), stepNames);
        if (step instanceof ChoiceStep choice) {
          for (int c = 0; c < choice.choices().size(); c++) {
            refs.check(at + ".choices[" + c + "].goto", choice.choices().get(c).next());
          }
          refs.check(at + ".default", choice.defaultStep());
        }
        if (step instanceof SequentialStep sequential) {
          refs.check(at + ".goto", sequential.flow().next());
        }
        if (step instanceof FallibleStep fallible) {
          List<CatchRule> catches = fallible.failure().catches();
          for (int c = 0; c < catches.size(); c++) {
            refs.check(at + ".catch[" + c + "].goto", catches.get(c).next());
          }
        }
        if (step instanceof SubWorkflowStep sub && !sub.workflow().isEmpty()) {
          if (!all.containsKey(sub.workflow())) {
            problems.error(
                at + ".workflow",
                "unknown workflow '"
                    + sub.workflow()
                    + "' "
                    + Names.hint(sub.workflow(), all.keySet()));
          } else {
            List<String> cycle = cycleThrough(wf.name(), sub.workflow(), all);
            if (!cycle.isEmpty()) {
              problems.error(at + ".workflow", "sub-workflow cycle: " + String.join(" -> ", cycle));
            }
          }
        }
      }
    }
  }

  /** Checks step names against the steps of one workflow. */
  private record StepRef(Problems problems, String workflow, List<String> stepNames) {
    void check(String path, @Nullable String target) {
      if (target == null || target.isEmpty() || stepNames.contains(target)) {
        return;
      }
      problems.error(
          path,
          "no step '"
              + target
              + "' in workflow '"
              + workflow
              + "'"
              + Suggestions.didYouMean(target, stepNames));
    }
  }

  /** The path {@code from -> child -> ... -> from} if {@code child} leads back, else empty. */
  private static List<String> cycleThrough(
      String from, String child, Map<String, WorkflowConfig> all) {
    Deque<List<String>> queue = new ArrayDeque<>();
    queue.add(List.of(from, child));
    Set<String> visited = new HashSet<>();
    while (!queue.isEmpty()) {
      List<String> path = queue.poll();
      String last = path.get(path.size() - 1);
      if (last.equals(from)) {
        return path;
      }
      if (!visited.add(last) || !all.containsKey(last)) {
        continue;
      }
      for (Step step : all.get(last).steps()) {
        if (step instanceof SubWorkflowStep sub) {
          List<String> next = new ArrayList<>(path);
          next.add(sub.workflow());
          queue.add(next);
        }
      }
    }
    return List.of();
  }
}
