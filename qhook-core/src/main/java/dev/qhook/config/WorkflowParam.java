package dev.qhook.config;

import static java.util.Objects.requireNonNull;

/**
 * An input check of a workflow, checked when a run starts.
 *
 * @param name a top-level key of the triggering payload
 * @param type its JSON type; default {@link ParamType#STRING}
 * @param required whether the key must be present; default true
 */
public record WorkflowParam(String name, ParamType type, boolean required) {
  public WorkflowParam {
    requireNonNull(name, "name");
    requireNonNull(type, "type");
  }
}
