package dev.qhook.internal.workflow;

/**
 * A step's input or output is larger than the step payload limit (docs/reference/configuration.md,
 * "delivery"): the step fails with class {@code 4xx}.
 */
final class PayloadTooLarge extends RuntimeException {
  private static final long serialVersionUID = 1L;

  PayloadTooLarge(String what, int bytes, int limit) {
    super(what + " is " + bytes + " bytes, over the step payload limit of " + limit + " bytes");
  }
}
