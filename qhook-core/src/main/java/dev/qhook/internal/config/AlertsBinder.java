package dev.qhook.internal.config;

import dev.qhook.config.AlertKind;
import dev.qhook.config.AlertType;
import dev.qhook.config.AlertsConfig;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Binds the {@code alerts} section (docs/reference/configuration.md, "alerts"). A private {@code
 * url} is not refused here: alerts go through the SSRF guard when they are sent, so a private or
 * loopback address needs {@code server.allow_private_urls}.
 */
final class AlertsBinder {
  private static final List<String> TYPES = List.of("generic", "slack", "discord");
  private static final List<String> KINDS =
      Arrays.stream(AlertKind.values()).map(AlertKind::label).toList();

  private AlertsBinder() {}

  static @Nullable AlertsConfig bind(Section s) {
    s.allowOnly(List.of("url", "type", "on"));
    String url = s.required("url");
    if (url != null && !UrlChecks.check(s, "url", url, false)) {
      url = null;
    }
    String type = s.oneOf("type", "alert type", TYPES, "generic", false);
    Set<AlertKind> on = s.has("on") ? kinds(s) : AlertsConfig.DEFAULT_KINDS;
    return url == null
        ? null
        : new AlertsConfig(url, AlertType.valueOf(type.toUpperCase(Locale.ROOT)), on);
  }

  private static Set<AlertKind> kinds(Section s) {
    Set<AlertKind> kinds = EnumSet.noneOf(AlertKind.class);
    List<String> names = s.stringList("on");
    for (int i = 0; i < names.size(); i++) {
      Optional<AlertKind> kind = AlertKind.fromLabel(names.get(i));
      if (kind.isPresent()) {
        kinds.add(kind.get());
      } else {
        s.problems()
            .error(
                s.pathOf("on") + "[" + i + "]",
                Section.unsupported("alert kind", names.get(i), KINDS));
      }
    }
    return kinds;
  }
}
