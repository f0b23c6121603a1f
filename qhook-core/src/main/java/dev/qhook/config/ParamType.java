package dev.qhook.config;

/** The JSON type a workflow param must have (SPEC §2.9, §6.9). */
public enum ParamType {
  STRING,
  NUMBER,
  BOOLEAN,
  OBJECT,
  ARRAY
}
