package dev.qhook.internal.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides credentials in the URLs a config error or warning quotes (docs/reference/configuration.md,
 * "Messages"): a userinfo's password ({@code postgres://qhook:***@db/qhook}), a userinfo that is
 * one token ({@code https://***@hooks.example.com}), and the values of password-like query
 * parameters ({@code ?token=***}). Works on free text, so it covers every message however it quotes
 * the URL.
 */
final class Redaction {
  private static final Pattern USERINFO =
      Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)([^/?#@\\s'\"]+)@");

  /** Names that contain pass, pwd, secret, token, credential or signature, or end in key. */
  private static final Pattern SECRET_PARAMETER =
      Pattern.compile(
          "([?&;])([A-Za-z0-9_.-]*(?:pass|pwd|secret|token|credential|signature)[A-Za-z0-9_.-]*"
              + "|[A-Za-z0-9_.-]*key|sig|auth)=([^&;#\\s'\"]*)",
          Pattern.CASE_INSENSITIVE);

  private Redaction() {}

  static String redact(String text) {
    if (text.indexOf('@') < 0 && text.indexOf('=') < 0) {
      return text;
    }
    Matcher userinfo = USERINFO.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (userinfo.find()) {
      String info = userinfo.group(2);
      int colon = info.indexOf(':');
      String kept = colon < 0 ? "***" : info.substring(0, colon) + ":***";
      userinfo.appendReplacement(out, Matcher.quoteReplacement(userinfo.group(1) + kept + "@"));
    }
    userinfo.appendTail(out);
    return SECRET_PARAMETER.matcher(out).replaceAll("$1$2=***");
  }
}
