package dev.qhook.config;

/** The {@code type} of a workflow step. */
public enum StepType {
  HTTP("http"),
  CHOICE("choice"),
  PARALLEL("parallel"),
  MAP("map"),
  WAIT("wait"),
  CALLBACK("callback"),
  WORKFLOW("workflow");

  private final String label;

  StepType(String label) {
    this.label = label;
  }

  /** The name used in the config file. */
  public String label() {
    return label;
  }
}
