package dev.qhook.internal.workflow.flow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.config.ParamType;
import dev.qhook.config.WorkflowParam;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A workflow's {@code params} checked when a run starts (docs/reference/configuration.md,
 * "Params"): the payload is a JSON object, each required param is a top-level key, each present
 * param has its declared JSON type. A failure is the run's error, class {@code 4xx}.
 */
public final class ParamsCheck {
  private ParamsCheck() {}

  /**
   * Every problem of {@code payload}, joined by {@code "; "} after {@code params: }, e.g. {@code
   * params: missing required 'tenant_id'}; empty when it passes. A workflow without params accepts
   * any payload.
   */
  public static Optional<String> check(List<WorkflowParam> params, JsonNode payload) {
    if (params.isEmpty()) {
      return Optional.empty();
    }
    if (!payload.isObject()) {
      return Optional.of("params: the payload must be a JSON object, was " + typeName(payload));
    }
    List<String> problems = new ArrayList<>();
    for (WorkflowParam param : params) {
      JsonNode value = payload.get(param.name());
      if (value == null) {
        if (param.required()) {
          problems.add("missing required '" + param.name() + "'");
        }
      } else if (!hasType(value, param.type())) {
        problems.add(
            "'" + param.name() + "' must be " + article(param.type()) + ", was " + typeName(value));
      }
    }
    return problems.isEmpty()
        ? Optional.empty()
        : Optional.of("params: " + String.join("; ", problems));
  }

  /** {@link #check} as the run's error. */
  public static Optional<WorkflowError> error(List<WorkflowParam> params, JsonNode payload) {
    return check(params, payload).map(WorkflowError::params);
  }

  static boolean hasType(JsonNode value, ParamType type) {
    return switch (type) {
      case STRING -> value.isTextual();
      case NUMBER -> value.isNumber();
      case BOOLEAN -> value.isBoolean();
      case OBJECT -> value.isObject();
      case ARRAY -> value.isArray();
    };
  }

  /** The JSON type of a value: {@code string}, {@code number}, ..., {@code null}. */
  static String typeName(JsonNode value) {
    if (value.isTextual()) {
      return "string";
    }
    if (value.isNumber()) {
      return "number";
    }
    if (value.isBoolean()) {
      return "boolean";
    }
    if (value.isObject()) {
      return "object";
    }
    if (value.isArray()) {
      return "array";
    }
    return "null";
  }

  private static String article(ParamType type) {
    String name = type.name().toLowerCase(Locale.ROOT);
    return (type == ParamType.OBJECT || type == ParamType.ARRAY ? "an " : "a ") + name;
  }
}
