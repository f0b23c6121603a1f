package dev.qhook.internal.outbound;

import dev.qhook.OutboundException;
import dev.qhook.OutboundException.Reason;
import dev.qhook.config.ConfigException;
import dev.qhook.config.SourceConfig;
import dev.qhook.internal.config.RetryBlocks;
import dev.qhook.internal.delivery.HandlerRequests;
import dev.qhook.internal.transport.SsrfGuard;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Checks the values of an endpoint (docs/reference/http-api.md, "Outbound endpoints"): an absolute
 * {@code http}/{@code https} URL without fragment, at most {@value #MAX_URL} characters, whose host
 * resolves to addresses the SSRF guard allows; a description of at most {@value #MAX_DESCRIPTION}
 * characters, subscription patterns and metadata of bounded size, all without control characters
 * (so that every database can store them).
 */
final class EndpointValues {
  static final int MAX_URL = 2048;
  static final int MAX_DESCRIPTION = 1024;
  static final int MAX_PATTERN = 255;
  static final int MAX_METADATA_ENTRIES = 50;
  static final int MAX_METADATA_KEY = 64;
  static final int MAX_METADATA_VALUE = 1024;
  static final int MAX_HEADERS = 20;

  /** An HTTP header name (RFC 9110 token). */
  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}");

  /** Headers qhook sets on every delivery, besides those handlers' headers cannot replace. */
  private static final Set<String> SET_BY_QHOOK = Set.of("content-type", "user-agent");

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
    if (description != null) {
      text("description", description, MAX_DESCRIPTION);
    }
    return description;
  }

  /** An event-type pattern: at most {@value #MAX_PATTERN} characters, no control characters. */
  String pattern(String pattern) {
    return text("event_types: '" + pattern + "'", pattern, MAX_PATTERN);
  }

  /**
   * At most {@value #MAX_METADATA_ENTRIES} entries; keys of 1 to {@value #MAX_METADATA_KEY}
   * characters, values of at most {@value #MAX_METADATA_VALUE}; no control characters.
   */
  Map<String, String> metadata(Map<String, String> metadata) {
    if (metadata.size() > MAX_METADATA_ENTRIES) {
      throw invalid("metadata: at most " + MAX_METADATA_ENTRIES + " entries");
    }
    metadata.forEach(
        (key, value) -> {
          if (key.isEmpty()) {
            throw invalid("metadata: keys must not be empty");
          }
          text("metadata key '" + key + "'", key, MAX_METADATA_KEY);
          text("metadata." + key, value, MAX_METADATA_VALUE);
        });
    return metadata;
  }

  /**
   * Extra delivery headers: at most {@value #MAX_HEADERS}; names are HTTP tokens that qhook does
   * not set itself ({@code webhook-*}, {@code X-Qhook-*}, {@code Content-Type}, {@code User-Agent})
   * and that are not reserved by HTTP; values printable ASCII, at most {@value #MAX_METADATA_VALUE}
   * characters.
   */
  Map<String, String> headers(Map<String, String> headers) {
    if (headers.size() > MAX_HEADERS) {
      throw invalid("headers: at most " + MAX_HEADERS + " headers");
    }
    Set<String> seen = new HashSet<>();
    headers.forEach(
        (name, value) -> {
          String lower = name.toLowerCase(Locale.ROOT);
          if (!HEADER_NAME.matcher(name).matches()) {
            throw invalid("headers: '" + name + "' is not a header name");
          }
          if (HandlerRequests.PROTECTED.contains(lower)
              || SET_BY_QHOOK.contains(lower)
              || lower.startsWith("webhook-")
              || lower.startsWith("x-qhook-")) {
            throw invalid("headers: '" + name + "' is set by qhook or reserved by HTTP");
          }
          if (!seen.add(lower)) {
            throw invalid("headers: '" + name + "' is given twice");
          }
          if (value.length() > MAX_METADATA_VALUE
              || !value.chars().allMatch(c -> c >= 0x20 && c <= 0x7E)) {
            throw invalid(
                "headers."
                    + name
                    + ": must be printable ASCII of at most "
                    + MAX_METADATA_VALUE
                    + " characters");
          }
        });
    return headers;
  }

  /** A rate limit: a finite number of deliveries per second above 0, at most 100,000. */
  @Nullable Double rateLimit(@Nullable Double rate) {
    if (rate != null && !(rate > 0 && rate <= 100_000)) {
      throw invalid("rate_limit: must be a number of deliveries per second above 0, was " + rate);
    }
    return rate;
  }

  /**
   * An endpoint's own retry block over the source's, checked with the rules of the config file, as
   * stored (JSON text); null for none or an empty block.
   */
  @Nullable String retry(@Nullable Map<String, Object> block, SourceConfig source) {
    if (block == null || block.isEmpty()) {
      return null;
    }
    try {
      return RetryBlocks.json(RetryBlocks.read(block, "retry", source.retry()));
    } catch (ConfigException e) {
      throw invalid(
          e.problems().stream()
              .map(p -> p.path() + ": " + p.message())
              .collect(Collectors.joining("; ")));
    }
  }

  private static String text(String field, String value, int max) {
    if (value.length() > max) {
      throw invalid(field + ": at most " + max + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw invalid(field + ": must not contain control characters (at index " + i + ")");
      }
    }
    return value;
  }

  private static OutboundException invalid(String message) {
    return new OutboundException(Reason.INVALID, message);
  }
}
