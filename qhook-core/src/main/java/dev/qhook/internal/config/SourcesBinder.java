package dev.qhook.internal.config;

import dev.qhook.config.SourceConfig;
import dev.qhook.config.SourceType;
import dev.qhook.internal.cron.CronSchedule;
import dev.qhook.internal.net.IpRange;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Binds {@code sources.<name>} (docs/reference/configuration.md, "sources"), including the keys
 * allowed per source type.
 */
final class SourcesBinder {
  private static final List<String> TYPES = List.of("webhook", "event", "sns", "cron", "outbound");
  private static final Map<String, List<String>> KEYS_BY_TYPE =
      Map.of(
          "webhook",
          List.of("type", "verify", "secret", "public_url", "tolerance", "allowed_ips", "schema"),
          "event",
          List.of("type", "schema"),
          "sns",
          List.of("type", "skip_verify", "topic_arns"),
          "cron",
          List.of("type", "schedule", "timezone"),
          "outbound",
          List.of("type", "schema", "retry", "timeout", "rotation_grace", "disable_after"));

  /** {@code arn:<partition>:sns:<region>:<12-digit account>:<topic name>}. */
  private static final Pattern TOPIC_ARN =
      Pattern.compile("arn:[a-z0-9-]+:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_.-]{1,256}");

  private SourcesBinder() {}

  static Map<String, SourceConfig> bind(Section sources, BindContext ctx) {
    Map<String, SourceConfig> out = new LinkedHashMap<>();
    for (String name : sources.keys()) {
      Names.check(ctx.problems(), sources.pathOf(name), name);
      out.put(name, source(name, sources.section(name), ctx));
    }
    return out;
  }

  private static SourceConfig source(String name, Section s, BindContext ctx) {
    String typeName = s.required("type");
    if (typeName != null && !TYPES.contains(typeName)) {
      s.error("type", Section.unsupported("source type", typeName, TYPES));
      typeName = null;
    }
    checkKeys(s, typeName);
    SourceType type =
        typeName == null ? SourceType.EVENT : SourceType.valueOf(typeName.toUpperCase(Locale.ROOT));
    SourceConfig d = SourceConfig.of(name, type);
    String verify = s.string("verify");
    if (verify != null && !SourceConfig.VERIFY_SCHEMES.contains(verify)) {
      s.error("verify", Section.unsupported("verify scheme", verify, SourceConfig.VERIFY_SCHEMES));
    }
    List<String> secrets = secrets(s);
    if (verify != null && secrets.isEmpty()) {
      s.error("secret", "required when 'verify' is set");
    }
    String schedule = type == SourceType.CRON ? schedule(s) : null;
    return new SourceConfig(
        name,
        type,
        verify,
        secrets,
        UrlChecks.plain(s, "public_url"),
        s.duration("tolerance", d.tolerance()),
        allowedIps(s),
        SchemaText.read(s, "schema"),
        s.bool("skip_verify", false),
        topicArns(s),
        schedule,
        timezone(s),
        RetryBinder.bind(s, "retry", ctx.defaultRetry()),
        ctx.requestTimeout(s, "timeout"),
        s.duration("rotation_grace", d.rotationGrace()),
        positive(s, "disable_after", d.disableAfter()));
  }

  private static void checkKeys(Section s, @Nullable String typeName) {
    Set<String> all = new LinkedHashSet<>();
    KEYS_BY_TYPE.values().forEach(all::addAll);
    List<String> allowed = typeName == null ? new ArrayList<>(all) : KEYS_BY_TYPE.get(typeName);
    for (String key : s.keys()) {
      if (allowed.contains(key)) {
        continue;
      }
      if (all.contains(key)) {
        s.error(key, "not valid for a '" + typeName + "' source");
      } else {
        s.error(key, "unknown key" + Suggestions.didYouMean(key, allowed));
      }
    }
  }

  private static List<String> secrets(Section s) {
    Object raw = s.raw("secret");
    List<String> secrets = new ArrayList<>();
    if (raw instanceof List) {
      List<String> items = s.stringList("secret");
      for (int i = 0; i < items.size(); i++) {
        if (items.get(i).isEmpty()) {
          s.problems().error(s.pathOf("secret") + "[" + i + "]", "must not be empty");
        } else {
          secrets.add(items.get(i));
        }
      }
    } else {
      String single = s.string("secret");
      if (single != null && !single.isEmpty()) {
        secrets.add(single);
      }
    }
    return secrets;
  }

  private static List<String> allowedIps(Section s) {
    List<String> entries = s.stringList("allowed_ips");
    for (int i = 0; i < entries.size(); i++) {
      if (IpRange.parse(entries.get(i)).isEmpty()) {
        s.problems()
            .error(
                s.pathOf("allowed_ips") + "[" + i + "]",
                "invalid IP address or CIDR block '" + entries.get(i) + "'");
      }
    }
    return entries;
  }

  /**
   * {@code topic_arns} of an sns source: SNS topic ARNs; absent means every topic, an empty list is
   * an error (it would refuse everything).
   */
  private static List<String> topicArns(Section s) {
    if (!s.has("topic_arns")) {
      return List.of();
    }
    List<String> arns = s.stringList("topic_arns");
    if (arns.isEmpty()) {
      s.error("topic_arns", "must not be empty (leave it out to accept every topic)");
    }
    for (int i = 0; i < arns.size(); i++) {
      if (!TOPIC_ARN.matcher(arns.get(i)).matches()) {
        s.problems()
            .error(
                s.pathOf("topic_arns") + "[" + i + "]",
                "not an SNS topic ARN '"
                    + arns.get(i)
                    + "' (arn:<partition>:sns:<region>:<account>:<topic>)");
      }
    }
    return arns;
  }

  private static @Nullable String schedule(Section s) {
    String schedule = s.required("schedule");
    if (schedule != null) {
      try {
        CronSchedule.parse(schedule);
      } catch (IllegalArgumentException e) {
        s.error("schedule", "invalid cron expression '" + schedule + "': " + e.getMessage());
      }
    }
    return schedule;
  }

  private static ZoneId timezone(Section s) {
    String zone = s.string("timezone");
    if (zone == null) {
      return ZoneOffset.UTC;
    }
    ZoneId parsed = Timezones.parse(zone);
    if (parsed == null) {
      s.error(
          "timezone",
          "unknown timezone '"
              + zone
              + "' (UTC, an offset like +02:00, or an IANA zone like"
              + " Europe/Berlin)");
      return ZoneOffset.UTC;
    }
    return parsed;
  }

  private static Duration positive(Section s, String key, Duration fallback) {
    Duration value = s.duration(key, fallback);
    if (value.isZero()) {
      s.error(key, "must be > 0");
      return fallback;
    }
    return value;
  }
}
