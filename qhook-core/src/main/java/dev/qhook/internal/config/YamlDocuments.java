package dev.qhook.internal.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Parses YAML text into plain trees: {@code Map<String, Object>} (insertion ordered), {@code
 * List<Object>}, and scalars ({@code String}, {@code Integer}/{@code Long}/{@code BigInteger},
 * {@code Double}, {@code Boolean}, null) per the YAML 1.2 core schema.
 */
final class YamlDocuments {
  private YamlDocuments() {}

  /**
   * The top-level mapping of {@code yaml}; an empty document is an empty mapping. Problems are
   * reported against {@code label} (the file name).
   */
  static Map<String, Object> parse(String yaml, String label, Problems problems) {
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(label)
            .setAllowDuplicateKeys(false)
            .setMaxAliasesForCollections(50)
            .setAllowRecursiveKeys(false)
            .setUseMarks(true)
            .build();
    Object document;
    try {
      document = new Load(settings).loadFromString(yaml);
    } catch (MarkedYamlEngineException e) {
      problems.error(label, describe(e));
      return Map.of();
    } catch (YamlEngineException e) {
      problems.error(label, "invalid YAML: " + firstLine(e.getMessage()));
      return Map.of();
    }
    if (document == null) {
      return new LinkedHashMap<>();
    }
    if (!(document instanceof Map<?, ?> map)) {
      problems.error(label, "the top level must be a mapping of sections");
      return Map.of();
    }
    return normalizeMap(map);
  }

  private static Map<String, Object> normalizeMap(Map<?, ?> map) {
    Map<String, Object> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(String.valueOf(k), normalize(v)));
    return out;
  }

  private static @Nullable Object normalize(@Nullable Object value) {
    if (value instanceof Map<?, ?> map) {
      return normalizeMap(map);
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(item -> out.add(normalize(item)));
      return out;
    }
    return value;
  }

  private static String describe(MarkedYamlEngineException e) {
    String problem = e.getProblem() == null ? "syntax error" : e.getProblem();
    String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
    String where =
        e.getProblemMark()
            .map(Mark::getLine)
            .map(line -> " at line " + (line + 1) + ", column " + column(e))
            .orElse("");
    return "invalid YAML: " + problem + context + where;
  }

  private static int column(MarkedYamlEngineException e) {
    return e.getProblemMark().map(m -> m.getColumn() + 1).orElse(0);
  }

  private static String firstLine(@Nullable String message) {
    if (message == null) {
      return "syntax error";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
