package dev.qhook.internal.config;

import dev.qhook.config.StepType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which keys each step type accepts. */
final class StepKeys {
  private static final List<String> COMMON = List.of("name", "type", "input");
  private static final List<String> FLOW = List.of("end", "goto");
  private static final List<String> FALLIBLE =
      List.of("result_path", "output", "retry", "catch", "on_failure", "timeout");
  private static final Map<StepType, List<String>> BY_TYPE = new EnumMap<>(StepType.class);

  static {
    BY_TYPE.put(StepType.HTTP, join(COMMON, FLOW, FALLIBLE, List.of("url", "method", "headers")));
    BY_TYPE.put(StepType.CHOICE, join(COMMON, List.of("choices", "default")));
    BY_TYPE.put(StepType.PARALLEL, join(COMMON, FLOW, FALLIBLE, List.of("branches")));
    BY_TYPE.put(
        StepType.MAP,
        join(
            COMMON,
            FLOW,
            FALLIBLE,
            List.of("url", "method", "headers", "items_path", "max_concurrency")));
    BY_TYPE.put(StepType.WAIT, join(COMMON, FLOW, List.of("seconds", "timestamp_path")));
    BY_TYPE.put(
        StepType.CALLBACK,
        join(COMMON, FLOW, FALLIBLE, List.of("url", "headers", "callback_timeout")));
    BY_TYPE.put(StepType.WORKFLOW, join(COMMON, FLOW, FALLIBLE, List.of("workflow")));
  }

  private StepKeys() {}

  static List<String> of(StepType type) {
    return BY_TYPE.get(type);
  }

  static Set<String> all() {
    Set<String> all = new LinkedHashSet<>();
    BY_TYPE.values().forEach(all::addAll);
    return all;
  }

  /** Reports keys not valid for {@code type}: unknown anywhere, or valid only for other types. */
  static void check(Section step, StepType type) {
    List<String> allowed = of(type);
    Set<String> all = all();
    for (String key : step.keys()) {
      if (allowed.contains(key)) {
        continue;
      }
      if (all.contains(key)) {
        step.error(key, "not valid for a '" + type.label() + "' step");
      } else {
        step.error(key, "unknown key" + Suggestions.didYouMean(key, allowed));
      }
    }
  }

  @SafeVarargs
  private static List<String> join(List<String>... parts) {
    List<String> out = new ArrayList<>();
    for (List<String> part : parts) {
      out.addAll(part);
    }
    return List.copyOf(out);
  }
}
