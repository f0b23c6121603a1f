package dev.qhook.internal.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
  /** No config section nests anywhere near this deep. */
  static final int MAX_DEPTH = 64;

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
      problems.error(label, "invalid YAML: " + engineProblem(e));
      return Map.of();
    } catch (RuntimeException e) { // the parser failing on input it should have refused
      problems.error(label, "invalid YAML: the YAML parser could not read this file");
      return Map.of();
    }
    if (document == null) {
      return new LinkedHashMap<>();
    }
    if (!(document instanceof Map<?, ?> map)) {
      problems.error(label, "the top level must be a mapping of sections");
      return Map.of();
    }
    return new Normalizer(problems).map(map, "", 0);
  }

  /**
   * Copies the parsed tree into plain maps and lists, refusing what no config holds: a structure
   * that contains itself through an alias, nesting deeper than {@link #MAX_DEPTH}, and binary
   * ({@code !!binary}) values.
   */
  private static final class Normalizer {
    private final Problems problems;
    private final Set<Object> open = Collections.newSetFromMap(new IdentityHashMap<>());

    Normalizer(Problems problems) {
      this.problems = problems;
    }

    Map<String, Object> map(Map<?, ?> map, String path, int depth) {
      Map<String, Object> out = new LinkedHashMap<>();
      if (!enter(map, path, depth)) {
        return out;
      }
      map.forEach(
          (k, v) -> {
            String key = String.valueOf(k);
            out.put(key, value(v, path.isEmpty() ? key : path + "." + key, depth + 1));
          });
      open.remove(map);
      return out;
    }

    private @Nullable Object value(@Nullable Object value, String path, int depth) {
      if (value instanceof Map<?, ?> map) {
        return map(map, path, depth);
      }
      if (value instanceof List<?> list) {
        List<Object> out = new ArrayList<>(list.size());
        if (!enter(list, path, depth)) {
          return out;
        }
        for (int i = 0; i < list.size(); i++) {
          out.add(value(list.get(i), path + "[" + i + "]", depth + 1));
        }
        open.remove(list);
        return out;
      }
      if (value instanceof byte[]) {
        problems.error(path, "binary values (!!binary) are not supported");
        return null;
      }
      return value;
    }

    private boolean enter(Object node, String path, int depth) {
      String where = path.isEmpty() ? "$" : path;
      if (depth > MAX_DEPTH) {
        problems.error(where, "nested deeper than " + MAX_DEPTH + " levels");
        return false;
      }
      if (!open.add(node)) {
        problems.error(where, "a YAML alias refers to a node that contains it (not allowed)");
        return false;
      }
      return true;
    }
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

  /**
   * The library wraps some failures around a JDK exception: {@code !!int x} (a number), {@code
   * !!binary ab=c} (base64).
   */
  private static String engineProblem(YamlEngineException e) {
    if (e.getCause() instanceof NumberFormatException number) {
      return "a number that cannot be read (" + number.getMessage() + ")";
    }
    if (e.getCause() instanceof IllegalArgumentException value) {
      return "a tagged value that cannot be read (" + value.getMessage() + ")";
    }
    return firstLine(e.getMessage());
  }

  private static String firstLine(@Nullable String message) {
    if (message == null) {
      return "syntax error";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
