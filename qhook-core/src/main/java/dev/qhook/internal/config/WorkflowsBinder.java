package dev.qhook.internal.config;

import dev.qhook.config.ParamType;
import dev.qhook.config.SourceConfig;
import dev.qhook.config.Step;
import dev.qhook.config.WorkflowConfig;
import dev.qhook.config.WorkflowParam;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Binds {@code workflows.<name>}; references between steps are checked afterwards. */
final class WorkflowsBinder {
  private static final List<String> KEYS =
      List.of("source", "events", "timeout", "params", "steps");
  private static final List<String> PARAM_TYPES =
      List.of("string", "number", "boolean", "object", "array");

  private WorkflowsBinder() {}

  static Map<String, WorkflowConfig> bind(
      Section workflows, Map<String, SourceConfig> sources, BindContext ctx) {
    Map<String, WorkflowConfig> out = new LinkedHashMap<>();
    StepsBinder steps = new StepsBinder(ctx);
    for (String name : workflows.keys()) {
      Names.check(ctx.problems(), workflows.pathOf(name), name);
      out.put(name, workflow(name, workflows.section(name), sources, steps));
    }
    WorkflowChecks.check(workflows, out);
    return out;
  }

  private static WorkflowConfig workflow(
      String name, Section s, Map<String, SourceConfig> sources, StepsBinder binder) {
    s.allowOnly(KEYS);
    Duration timeout = s.duration("timeout");
    if (timeout != null && timeout.isZero()) {
      s.error("timeout", "must be > 0");
    }
    List<Object> entries = s.list("steps");
    if (entries.isEmpty()) {
      s.error("steps", "a workflow needs at least one step");
    }
    List<Step> steps = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      Section step = Section.of(entries.get(i), s.pathOf("steps") + "[" + i + "]", s.problems());
      Step bound = binder.step(step);
      if (!bound.name().isEmpty() && !names.add(bound.name())) {
        step.error("name", "duplicate step name '" + bound.name() + "'");
      }
      steps.add(bound);
    }
    return new WorkflowConfig(
        name,
        ConsumersBinder.source(s, sources),
        ExpressionChecks.events(s, "events"),
        timeout,
        params(s),
        steps);
  }

  private static List<WorkflowParam> params(Section s) {
    List<WorkflowParam> params = new ArrayList<>();
    List<Object> entries = s.list("params");
    Set<String> names = new HashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      Section p = Section.of(entries.get(i), s.pathOf("params") + "[" + i + "]", s.problems());
      p.allowOnly(List.of("name", "type", "required"));
      String name = p.required("name");
      if (name != null && !names.add(name)) {
        p.error("name", "duplicate param '" + name + "'");
      }
      String type = p.oneOf("type", "param type", PARAM_TYPES, "string", false);
      params.add(
          new WorkflowParam(
              name == null ? "" : name,
              ParamType.valueOf(type.toUpperCase(Locale.ROOT)),
              p.bool("required", true)));
    }
    return params;
  }
}
