package dev.qhook.config;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * The target of a step's HTTP call.
 *
 * @param url absolute {@code http}/{@code https} URL
 * @param method upper case ({@code GET}, {@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE});
 *     default {@code POST}
 * @param headers extra request headers
 */
public record HttpCall(String url, String method, Map<String, String> headers) {
  public HttpCall {
    requireNonNull(url, "url");
    requireNonNull(method, "method");
    headers = Copies.orderedMap(headers);
  }
}
