package dev.qhook.verify.internal;

import dev.qhook.verify.VerificationResult.Reason;
import dev.qhook.verify.WebhookRequest;
import java.util.ArrayList;
import java.util.List;

/** Reading and splitting signature headers, with a bound on their size. */
public final class SignatureHeaders {

  /** Longest signature header accepted: 8192 characters. Longer is malformed, not an error. */
  public static final int MAX_LENGTH = 8192;

  private SignatureHeaders() {}

  /** The trimmed value of a header that must be present, non-empty and at most MAX_LENGTH. */
  public static Outcome<String> required(WebhookRequest request, String name) {
    String value = request.header(name).orElse("");
    if (value.length() > MAX_LENGTH) {
      return Outcome.reject(
          Reason.MALFORMED_SIGNATURE, "header " + name + " exceeds " + MAX_LENGTH + " characters");
    }
    value = value.strip();
    if (value.isEmpty()) {
      return Outcome.reject(Reason.MISSING_SIGNATURE, "missing header " + name);
    }
    return Outcome.of(value);
  }

  /** A {@code key=value} element of a list header. */
  public record Entry(String key, String value) {}

  /**
   * The {@code key=value} elements of {@code header} separated by {@code separator}, trimmed;
   * elements without {@code =} are skipped.
   */
  public static List<Entry> keyValues(String header, char separator) {
    List<Entry> entries = new ArrayList<>();
    for (String element : header.split(java.util.regex.Pattern.quote(String.valueOf(separator)))) {
      int eq = element.indexOf('=');
      if (eq > 0) {
        entries.add(new Entry(element.substring(0, eq).strip(), element.substring(eq + 1).strip()));
      }
    }
    return entries;
  }

  /** The values of every entry with {@code key}. */
  public static List<String> valuesOf(List<Entry> entries, String key) {
    return entries.stream().filter(e -> e.key().equals(key)).map(Entry::value).toList();
  }
}
