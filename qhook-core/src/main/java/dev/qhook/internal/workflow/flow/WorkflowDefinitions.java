package dev.qhook.internal.workflow.flow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.config.WorkflowConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The definition a run is pinned to: a workflow's canonical JSON form, its version (a content hash
 * of that form) and the way back to an equal {@link WorkflowConfig}. A run records the version and
 * the engine keeps the form, so editing or reloading the YAML never changes a run in flight; runs
 * started afterwards use the new definition.
 *
 * <p>The form holds every key of every step type as bound (defaults applied, {@code ${VAR}}
 * expanded), so header values such as tokens are in it: keep it where the config's secrets may be
 * kept. Two configs have the same version exactly when they bind to equal {@link WorkflowConfig}s
 * with the same header order.
 */
public final class WorkflowDefinitions {
  /** Hex characters in a version: {@value} (the first 128 bits of a SHA-256). */
  public static final int VERSION_LENGTH = 32;

  private WorkflowDefinitions() {}

  /** The canonical form as compact JSON text. */
  public static String canonical(WorkflowConfig workflow) {
    return StepResults.text(DefinitionWriter.workflow(workflow));
  }

  /** The canonical form as a JSON tree. */
  public static JsonNode toJson(WorkflowConfig workflow) {
    return DefinitionWriter.workflow(workflow);
  }

  /** The version of {@code workflow}: {@link #versionOf} its canonical form. */
  public static String version(WorkflowConfig workflow) {
    return versionOf(canonical(workflow));
  }

  /** The lowercase hex of the first 128 bits of the SHA-256 of {@code canonical}'s UTF-8 bytes. */
  public static String versionOf(String canonical) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, VERSION_LENGTH / 2);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /**
   * The workflow a canonical form describes.
   *
   * @throws IllegalArgumentException when {@code canonical} is not a form {@link #canonical} wrote
   */
  public static WorkflowConfig fromCanonical(String canonical) {
    JsonNode json = StepResults.result(canonical);
    if (!json.isObject()) {
      throw new IllegalArgumentException("workflow definition: not a JSON object");
    }
    return fromJson(json);
  }

  /** {@link #fromCanonical} of a parsed form. */
  public static WorkflowConfig fromJson(JsonNode json) {
    try {
      return DefinitionReader.workflow(json);
    } catch (RuntimeException e) {
      if (e instanceof IllegalArgumentException) {
        throw e;
      }
      throw new IllegalArgumentException("workflow definition: " + e.getMessage(), e);
    }
  }
}
