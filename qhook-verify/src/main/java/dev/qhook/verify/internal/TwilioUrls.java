package dev.qhook.verify.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The URL Twilio signed, and the port variants its SDKs accept. */
public final class TwilioUrls {
  private TwilioUrls() {}

  /**
   * {@code publicUrl} plus {@code ?} and the raw query string of {@code requestUrl} (if any); or
   * {@code requestUrl} itself when there is no public URL; null when neither is known.
   */
  public static @Nullable String signedUrl(
      @Nullable String publicUrl, @Nullable String requestUrl) {
    if (publicUrl == null) {
      return requestUrl;
    }
    String query = requestUrl == null ? null : rawQuery(requestUrl);
    return query == null || query.isEmpty() ? publicUrl : publicUrl + "?" + query;
  }

  /** The raw query string of {@code url} (between {@code ?} and {@code #}), or null. */
  public static @Nullable String rawQuery(String url) {
    int question = url.indexOf('?');
    if (question < 0) {
      return null;
    }
    int hash = url.indexOf('#', question);
    return url.substring(question + 1, hash < 0 ? url.length() : hash);
  }

  /** The decoded value of the first query parameter called {@code name}, or null. */
  public static @Nullable String queryParameter(String url, String name) {
    String query = rawQuery(url);
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String key = FormBody.decode(eq < 0 ? pair : pair.substring(0, eq));
      if (name.equals(key)) {
        return eq < 0 ? "" : FormBody.decode(pair.substring(eq + 1));
      }
    }
    return null;
  }

  /**
   * {@code url} and, as Twilio's SDKs accept, the same URL with the scheme's default port added
   * when none is given, or with the explicit port removed.
   */
  public static List<String> variants(String url) {
    List<String> variants = new ArrayList<>(List.of(url));
    int schemeEnd = url.indexOf("://");
    if (schemeEnd <= 0) {
      return variants;
    }
    String scheme = url.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
    int authorityStart = schemeEnd + 3;
    int authorityEnd = authorityStart;
    while (authorityEnd < url.length() && "/?#".indexOf(url.charAt(authorityEnd)) < 0) {
      authorityEnd++;
    }
    String authority = url.substring(authorityStart, authorityEnd);
    int hostStart = authority.lastIndexOf('@') + 1;
    int colon = authority.lastIndexOf(':');
    boolean hasPort = colon >= hostStart && colon > authority.lastIndexOf(']');
    String before = url.substring(0, authorityStart);
    String after = url.substring(authorityEnd);
    if (hasPort) {
      variants.add(before + authority.substring(0, colon) + after);
    } else if (scheme.equals("https") || scheme.equals("http")) {
      String port = scheme.equals("https") ? ":443" : ":80";
      variants.add(before + authority + port + after);
    }
    return variants;
  }
}
