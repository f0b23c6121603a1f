package dev.qhook.config;

/** The JSON type a workflow param must have. */
public enum ParamType {
  STRING,
  NUMBER,
  BOOLEAN,
  OBJECT,
  ARRAY
}
