package dev.qhook.config;

import static java.util.Objects.requireNonNull;

/** One branch of a parallel step: a name unique within the step and the call it makes. */
public record Branch(String name, HttpCall call) {
  public Branch {
    requireNonNull(name, "name");
    requireNonNull(call, "call");
  }
}
