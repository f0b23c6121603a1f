package dev.qhook.config;

/** A step's {@code on_failure}. Default {@link #STOP}. */
public enum OnFailure {
  /** The step's job goes dead and the run fails. */
  STOP,
  /** The failed step's input, with the error at {@code $.error}, goes to the following step. */
  CONTINUE
}
