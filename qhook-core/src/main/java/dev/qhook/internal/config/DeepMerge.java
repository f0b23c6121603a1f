package dev.qhook.internal.config;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Merges an environment overlay onto the base config (docs/reference/configuration.md,
 * "Environments: overlays and .env.NAME"): mappings merge key by key, lists and scalars replace
 * wholesale.
 */
final class DeepMerge {
  private DeepMerge() {}

  @SuppressWarnings("unchecked")
  static @Nullable Object merge(@Nullable Object base, @Nullable Object overlay) {
    if (base instanceof Map<?, ?> baseMap && overlay instanceof Map<?, ?> overlayMap) {
      Map<String, Object> out = new LinkedHashMap<>((Map<String, Object>) baseMap);
      ((Map<String, Object>) overlayMap)
          .forEach((key, value) -> out.put(key, merge(out.get(key), value)));
      return out;
    }
    return overlay;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> mergeRoots(Map<String, Object> base, Map<String, Object> overlay) {
    return (Map<String, Object>) merge(base, overlay);
  }
}
