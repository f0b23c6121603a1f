package dev.qhook.internal.outbound;

import dev.qhook.OutboundException;
import dev.qhook.OutboundException.Reason;
import dev.qhook.internal.transport.SsrfGuard;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Checks the values of an endpoint (docs/reference/http-api.md, "Outbound endpoints"): an absolute
 * {@code http}/{@code https} URL without fragment, at most {@value #MAX_URL} characters, whose host
 * resolves to addresses the SSRF guard allows; a description of at most {@value #MAX_DESCRIPTION}
 * characters without control characters.
 */
final class EndpointValues {
  static final int MAX_URL = 2048;
  static final int MAX_DESCRIPTION = 1024;

  private final SsrfGuard guard;

  EndpointValues(SsrfGuard guard) {
    this.guard = guard;
  }

  String url(String url) {
    if (url.isEmpty() || url.length() > MAX_URL) {
      throw invalid("url: must be 1.." + MAX_URL + " characters");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw invalid("url: not a valid URL: " + e.getMessage());
    }
    if (uri.getRawFragment() != null) {
      throw invalid("url: must not have a fragment");
    }
    Optional<String> refused;
    try {
      refused = guard.refusal(uri);
    } catch (UnknownHostException e) {
      throw invalid("url: host '" + uri.getHost() + "' does not resolve");
    }
    if (refused.isPresent()) {
      throw invalid("url: " + refused.get());
    }
    return url;
  }

  @Nullable String description(@Nullable String description) {
    if (description == null) {
      return null;
    }
    if (description.length() > MAX_DESCRIPTION) {
      throw invalid("description: at most " + MAX_DESCRIPTION + " characters");
    }
    for (int i = 0; i < description.length(); i++) {
      if (Character.isISOControl(description.charAt(i))) {
        throw invalid("description: must not contain control characters (at index " + i + ")");
      }
    }
    return description;
  }

  private static OutboundException invalid(String message) {
    return new OutboundException(Reason.INVALID, message);
  }
}
