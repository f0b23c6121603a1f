package dev.qhook.internal.ingest;

import dev.qhook.InvalidEventException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The limits of the values an event carries, checked before anything is queued
 * (docs/reference/http-api.md, "Limits of event values"): what is sent as a header (the event type,
 * {@code ce-*} and {@code content-type}) has no control character but tab; what is stored as text
 * and indexed has no NUL, which PostgreSQL cannot store; the event type and ordering keys fit the
 * indexes. Each failure names the value.
 */
public final class EventValues {
  /** The longest event type, in characters: 256. */
  public static final int MAX_EVENT_TYPE_LENGTH = 256;

  /** The longest ordering key, in characters: 256. */
  public static final int MAX_ORDERING_KEY_LENGTH = 256;

  private EventValues() {}

  /**
   * @throws InvalidEventException empty, a control character, or longer than 256 characters
   */
  public static void checkEventType(String type) {
    if (type.isEmpty()) {
      throw new InvalidEventException("event type", "must not be empty");
    }
    checkNoControls("event type", type);
    checkLength("event type", type, MAX_EVENT_TYPE_LENGTH);
  }

  /**
   * @throws InvalidEventException a header kept with the event has a name no HTTP request can
   *     carry, or a control character in its value
   */
  public static void checkStoredHeaders(Map<String, String> headers) {
    headers.forEach(
        (name, value) -> {
          if (!isToken(name)) {
            throw new InvalidEventException(
                "header " + printable(name), "the name is not a valid HTTP header name");
          }
          checkNoControls("header " + name, value);
        });
  }

  /**
   * @param field names the key in the message
   * @throws InvalidEventException the key has NUL
   */
  public static void checkKey(String field, @Nullable String key) {
    if (key == null) {
      return;
    }
    int nul = key.indexOf('\u0000');
    if (nul >= 0) {
      throw new InvalidEventException(field, "must not contain NUL (at index " + nul + ")");
    }
  }

  /**
   * @throws InvalidEventException the key has NUL, or is longer than 256 characters
   */
  public static void checkOrderingKey(String field, String key) {
    checkKey(field, key);
    checkLength(field, key, MAX_ORDERING_KEY_LENGTH);
  }

  /** Refuses U+0000 to U+001F but tab, and U+007F: no HTTP header can carry them. */
  private static void checkNoControls(String field, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f) {
        throw new InvalidEventException(
            field,
            "must not contain control characters (U+%04X at index %d)".formatted((int) c, i));
      }
    }
  }

  /** RFC 9110 token: what a header name may consist of. */
  private static boolean isToken(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!alnum && "!#$%&'*+-.^_`|~".indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  /** Control characters as a backslash, u and four hex digits, so that a message never has one. */
  private static String printable(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      out.append(c < 0x20 || c == 0x7f ? "\\u%04x".formatted((int) c) : String.valueOf(c));
    }
    return out.toString();
  }

  private static void checkLength(String field, String value, int max) {
    if (value.length() <= max) {
      return; // fewer UTF-16 units, so fewer characters
    }
    int characters = value.codePointCount(0, value.length());
    if (characters > max) {
      throw new InvalidEventException(
          field, "must be at most " + max + " characters, was " + characters);
    }
  }
}
