package dev.qhook;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A request as any HTTP stack has it, for {@link QHook#receive}: which entry point it arrived on,
 * its headers, its raw body bytes, the client address and the public URL it was sent to.
 *
 * <pre>{@code
 * InboundRequest request =
 *     InboundRequest.webhook("github")
 *         .headers(servletHeaders)          // or .header(name, value) per header
 *         .body(rawBytes)                   // exactly as received: signatures cover these bytes
 *         .clientAddress("203.0.113.7")     // for allowed_ips
 *         .url("https://hooks.example.com/webhooks/github") // for Twilio's signature
 *         .build();
 * }</pre>
 *
 * @param entry the entry point, as the routes {@code /webhooks/{source}}, {@code
 *     /events/{source}/{type}}, {@code /events/{source}} and {@code /sns/{source}}
 * @param eventType the type named by the {@code /events} path; null for the other entry points
 * @param headers every header, names in lowercase, values in the order received
 * @param body the raw body; not copied, so the caller must not change it afterwards
 * @param clientAddress the client's IP address (an IP literal), or null when unknown; a source with
 *     {@code allowed_ips} refuses a request without one
 * @param url the absolute URL the sender addressed, with the raw query string ({@code
 *     https://host/path?query}), or null when unknown; Twilio signatures cover it
 */
public record InboundRequest(
    Entry entry,
    String source,
    @Nullable String eventType,
    Map<String, List<String>> headers,
    byte[] body,
    @Nullable String clientAddress,
    @Nullable String url) {

  /** The entry points of the engine. */
  public enum Entry {
    /** A third-party webhook ({@code POST /webhooks/{source}}): webhook sources. */
    WEBHOOK,
    /** An event from an application ({@code POST /events/{source}/{type}}): event sources. */
    EVENT,
    /**
     * Up to {@link QHook#MAX_BATCH_SIZE} events from an application in one JSON array ({@code POST
     * /events/{source}}): event sources.
     */
    EVENT_BATCH,
    /** An AWS SNS message ({@code POST /sns/{source}}): sns sources. */
    SNS
  }

  public InboundRequest {
    requireNonNull(entry, "entry");
    requireNonNull(source, "source");
    if (entry == Entry.EVENT) {
      requireNonNull(eventType, "eventType");
    }
    headers = lowercaseCopy(headers);
    requireNonNull(body, "body");
  }

  /** A request to {@code POST /webhooks/{source}}. */
  public static Builder webhook(String source) {
    return new Builder(Entry.WEBHOOK, source, null);
  }

  /** A request to {@code POST /events/{source}/{eventType}}. */
  public static Builder event(String source, String eventType) {
    return new Builder(Entry.EVENT, source, requireNonNull(eventType, "eventType"));
  }

  /**
   * A request to {@code POST /events/{source}}: a JSON array of entries {@code {"type", "payload",
   * "idempotency_key"?}} (docs/reference/http-api.md, "POST /events/{source}").
   */
  public static Builder eventBatch(String source) {
    return new Builder(Entry.EVENT_BATCH, source, null);
  }

  /** A request to {@code POST /sns/{source}}. */
  public static Builder sns(String source) {
    return new Builder(Entry.SNS, source, null);
  }

  /** The first value of a header (any case), or null. */
  public @Nullable String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static Map<String, List<String>> lowercaseCopy(Map<String, List<String>> headers) {
    Map<String, List<String>> copy = new HashMap<>(headers.size() * 2);
    headers.forEach(
        (name, values) -> {
          String lower = name.toLowerCase(Locale.ROOT);
          List<String> existing = copy.get(lower);
          if (existing == null) {
            copy.put(lower, List.copyOf(values));
          } else {
            List<String> merged = new ArrayList<>(existing);
            merged.addAll(values);
            copy.put(lower, List.copyOf(merged));
          }
        });
    return Collections.unmodifiableMap(copy);
  }

  /** Collects the parts of a request; only the body is required (an empty body is allowed). */
  public static final class Builder {
    private final Entry entry;
    private final String source;
    private final @Nullable String eventType;
    private final Map<String, List<String>> headers = new HashMap<>();
    private byte[] body = new byte[0];
    private @Nullable String clientAddress;
    private @Nullable String url;

    private Builder(Entry entry, String source, @Nullable String eventType) {
      this.entry = entry;
      this.source = requireNonNull(source, "source");
      this.eventType = eventType;
    }

    /** Adds a header value; repeated names keep every value in order. */
    public Builder header(String name, String value) {
      requireNonNull(value, "value");
      headers
          .computeIfAbsent(
              requireNonNull(name, "name").toLowerCase(Locale.ROOT), n -> new ArrayList<>())
          .add(value);
      return this;
    }

    /** Adds every header of a multi-valued map (names in any case). */
    public Builder headers(Map<String, ? extends List<String>> all) {
      all.forEach((name, values) -> values.forEach(value -> header(name, value)));
      return this;
    }

    /** The raw body, exactly as received; not copied. */
    public Builder body(byte[] body) {
      this.body = requireNonNull(body, "body");
      return this;
    }

    /** The body as UTF-8 text. */
    public Builder body(String body) {
      return body(body.getBytes(StandardCharsets.UTF_8));
    }

    /** The client's IP address, as the HTTP stack determined it (behind a proxy: the client's). */
    public Builder clientAddress(String clientAddress) {
      this.clientAddress = requireNonNull(clientAddress, "clientAddress");
      return this;
    }

    /** The absolute URL the sender addressed, including the raw query string. */
    public Builder url(String url) {
      this.url = requireNonNull(url, "url");
      return this;
    }

    public InboundRequest build() {
      return new InboundRequest(entry, source, eventType, headers, body, clientAddress, url);
    }
  }
}
