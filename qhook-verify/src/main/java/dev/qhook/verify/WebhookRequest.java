package dev.qhook.verify;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What a verifier needs to know about an incoming request: the raw body bytes exactly as received,
 * the headers (looked up case-insensitively) and, for Twilio, the absolute URL the request was
 * received on including its raw query string.
 *
 * @param body the raw body; verifiers never decode it before checking the signature
 * @param headers header values by name; names compare case-insensitively
 * @param url the absolute request URL as the receiver knows it ({@code
 *     https://host/path?raw-query}), or null when unknown
 */
public record WebhookRequest(byte[] body, Map<String, List<String>> headers, @Nullable String url) {

  /** Copies the body and normalises the headers into a case-insensitive, read-only map. */
  public WebhookRequest {
    requireNonNull(body, "body");
    requireNonNull(headers, "headers");
    body = body.clone();
    TreeMap<String, List<String>> merged = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach(
        (name, values) -> {
          requireNonNull(name, "header name");
          requireNonNull(values, "header values");
          merged.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values);
        });
    merged.replaceAll((name, values) -> List.copyOf(values));
    headers = Collections.unmodifiableMap(merged);
  }

  /** A request with single-valued headers and no URL. */
  public static WebhookRequest of(byte[] body, Map<String, String> headers) {
    return new WebhookRequest(body, singleValued(headers), null);
  }

  /** A request with single-valued headers received on {@code url}. */
  public static WebhookRequest of(byte[] body, Map<String, String> headers, String url) {
    return new WebhookRequest(body, singleValued(headers), requireNonNull(url, "url"));
  }

  /** The raw body; a copy, so callers may not change this request. */
  @Override
  public byte[] body() {
    return body.clone();
  }

  /** The first value of the header {@code name} (case-insensitive), if present. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  private static Map<String, List<String>> singleValued(Map<String, String> headers) {
    TreeMap<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, value) -> map.put(name, List.of(value)));
    return map;
  }
}
