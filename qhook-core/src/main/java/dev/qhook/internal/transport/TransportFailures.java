package dev.qhook.internal.transport;

import dev.qhook.spi.TransportResult;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;

/** Classifies what went wrong in an exchange into a {@link TransportResult}; never throws. */
final class TransportFailures {
  private TransportFailures() {}

  /** The result for a request that ran out of time. */
  static TransportResult.Timeout timeout(Duration timeout, long durationMs) {
    return new TransportResult.Timeout("timed out after " + timeout.toMillis() + " ms", durationMs);
  }

  /**
   * The result for {@code failure}.
   *
   * @param deadlinePassed whether the request's deadline fired (then any failure is a timeout: the
   *     abort closed the connection under the exchange)
   */
  static TransportResult classify(
      Throwable failure, String host, Duration timeout, boolean deadlinePassed, long durationMs) {
    if (deadlinePassed || isTimeout(failure)) {
      return timeout(timeout, durationMs);
    }
    if (failure instanceof SsrfGuard.DestinationRefusedException
        || failure instanceof BoundedBody.TooLargeException) {
      return new TransportResult.NetworkError(failure.getMessage(), durationMs);
    }
    if (failure instanceof UnknownHostException) {
      return new TransportResult.NetworkError("unknown host " + host, durationMs);
    }
    if (Thread.currentThread().isInterrupted()) {
      return new TransportResult.NetworkError("interrupted", durationMs);
    }
    Throwable shown =
        failure instanceof ClientProtocolException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    String kind = failure instanceof IOException ? "connection failed" : "request failed";
    String message = shown.getMessage();
    String text =
        message == null || message.isBlank()
            ? kind + " (" + shown.getClass().getSimpleName() + ")"
            : kind + ": " + message;
    return new TransportResult.NetworkError(text, durationMs);
  }

  private static boolean isTimeout(Throwable failure) {
    return failure instanceof SocketTimeoutException
        || failure instanceof ConnectTimeoutException
        || failure instanceof ConnectionRequestTimeoutException;
  }
}
