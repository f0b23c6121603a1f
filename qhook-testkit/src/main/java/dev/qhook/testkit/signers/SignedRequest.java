package dev.qhook.testkit.signers;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A request body with the headers that sign it and, for Twilio, the URL it must be sent to.
 *
 * @param body the exact bytes to send
 * @param headers the headers to add (signature, and for Twilio the content type)
 * @param url for Twilio, the URL that was signed (with {@code bodySHA256} for JSON bodies); else
 *     null
 */
public record SignedRequest(byte[] body, Map<String, String> headers, @Nullable String url) {

  /** Copies the body and headers. */
  public SignedRequest {
    requireNonNull(body, "body");
    body = body.clone();
    headers = Map.copyOf(requireNonNull(headers, "headers"));
  }

  /** The body; a copy. */
  @Override
  public byte[] body() {
    return body.clone();
  }

  /** The value of {@code name} (exact spelling as signed), or null. */
  public @Nullable String header(String name) {
    return headers.get(name);
  }

  /** This request with one header replaced or added: for negative tests. */
  public SignedRequest withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new SignedRequest(body, copy, url);
  }

  /** This request with another body and the same headers: for negative tests. */
  public SignedRequest withBody(byte[] otherBody) {
    return new SignedRequest(otherBody, headers, url);
  }
}
