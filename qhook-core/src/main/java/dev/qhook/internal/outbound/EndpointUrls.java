package dev.qhook.internal.outbound;

import java.util.regex.Pattern;

/** Endpoint URLs in logs and alerts: without credentials. */
public final class EndpointUrls {
  private static final Pattern USERINFO = Pattern.compile("(?<=://)[^/@?#]*@");

  private EndpointUrls() {}

  /** The URL with any {@code user:password@} replaced by {@code ***@}. */
  public static String redacted(String url) {
    return USERINFO.matcher(url).replaceFirst("***@");
  }
}
