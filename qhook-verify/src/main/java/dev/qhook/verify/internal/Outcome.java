package dev.qhook.verify.internal;

import dev.qhook.verify.VerificationResult;
import dev.qhook.verify.VerificationResult.Reason;
import dev.qhook.verify.VerificationResult.Rejected;
import org.jspecify.annotations.Nullable;

/** A parsed value, or the rejection explaining why there is none. */
public record Outcome<T>(@Nullable T value, @Nullable Rejected rejection) {

  public static <T> Outcome<T> of(T value) {
    return new Outcome<>(value, null);
  }

  public static <T> Outcome<T> reject(Reason reason, String message) {
    return new Outcome<>(null, VerificationResult.rejected(reason, message));
  }

  public static <T> Outcome<T> reject(Rejected rejection) {
    return new Outcome<>(null, rejection);
  }

  public boolean failed() {
    return rejection != null;
  }

  /** The value; only call after checking {@link #failed()}. */
  public T get() {
    if (value == null) {
      throw new IllegalStateException("no value: " + rejection);
    }
    return value;
  }

  /** The rejection; only call when {@link #failed()}. */
  public Rejected problem() {
    if (rejection == null) {
      throw new IllegalStateException("not rejected");
    }
    return rejection;
  }
}
