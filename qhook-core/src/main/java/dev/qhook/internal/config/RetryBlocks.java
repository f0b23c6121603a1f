package dev.qhook.internal.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qhook.config.ConfigException;
import dev.qhook.config.RetryPolicy;
import java.util.Map;

/**
 * A retry block given outside the config file (an outbound endpoint's {@code retry},
 * docs/reference/http-api.md): read with the rules of the file, kept as the JSON text of the whole
 * block.
 */
public final class RetryBlocks {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RetryBlocks() {}

  /**
   * Reads {@code block} over {@code fallback}; a {@link ConfigException} names each problem under
   * {@code key}.
   */
  public static RetryPolicy read(Object block, String key, RetryPolicy fallback) {
    Problems problems = new Problems();
    RetryPolicy policy =
        RetryBinder.bind(Section.of(Map.of(key, block), "", problems), key, fallback);
    problems.throwIfAny();
    return policy;
  }

  /** The whole block as JSON text, every key written. */
  public static String json(RetryPolicy policy) {
    try {
      return JSON.writeValueAsString(EntryTrees.retry(policy));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a retry block is not serialisable", e);
    }
  }

  /** A block written by {@link #json}. */
  public static RetryPolicy parse(String json) {
    try {
      return read(JSON.readValue(json, Map.class), "retry", RetryPolicy.DEFAULT);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored retry block is not JSON: " + e.getMessage(), e);
    }
  }
}
