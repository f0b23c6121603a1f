package dev.qhook.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Checks every job after a scenario drained (docs/reference/configuration.md, "Retries, dead jobs
 * and the circuit breaker"):
 *
 * <ul>
 *   <li>a job's {@code attempt} counter equals its recorded attempts: a delivery the circuit
 *       breaker skipped, or a shutdown abandoned, consumed no attempt, while a try lost to a crash
 *       counts and has its record;
 *   <li>a {@code dead} job used exactly its {@code max_attempts}, every one failed: it was
 *       dead-lettered as its retry config says;
 *   <li>no job is still open.
 * </ul>
 *
 * Jobs whose counter is 1 and that completed are consistent without reading their attempts.
 */
final class JobAudit {
  /**
   * @param jobs jobs audited
   * @param open jobs still available, retryable or running
   * @param deadByConfig event ids of jobs dead after all their attempts failed
   * @param deadErrors dead jobs by {@code last_error}
   * @param violations one line per job that breaks a rule
   */
  record Findings(
      int jobs,
      int open,
      Set<String> deadByConfig,
      Map<String, Integer> deadErrors,
      List<String> violations) {}

  interface Attempts {
    List<JsonNode> of(String jobId) throws Exception;
  }

  private JobAudit() {}

  static boolean needsAttempts(JsonNode job) {
    return !(job.path("attempt").asInt() == 1 && "completed".equals(job.path("status").asText()));
  }

  /**
   * @param manualRetries whether jobs may have been retried through the API, which resets the
   *     counter but keeps the earlier attempts: then a counter below the recorded attempts is fine
   */
  static Findings audit(List<JsonNode> jobs, Attempts attempts, boolean manualRetries)
      throws Exception {
    int open = 0;
    Set<String> deadByConfig = new HashSet<>();
    Map<String, Integer> deadErrors = new TreeMap<>();
    List<String> violations = new ArrayList<>();
    for (JsonNode job : jobs) {
      String status = job.path("status").asText();
      if (!status.equals("completed") && !status.equals("dead")) {
        open++;
        continue;
      }
      List<JsonNode> recorded = needsAttempts(job) ? attempts.of(job.path("id").asText()) : null;
      String violation = check(job, recorded, manualRetries);
      if (violation != null) {
        violations.add(violation);
      }
      if (status.equals("dead")) {
        deadErrors.merge(job.path("last_error").asText("null"), 1, Integer::sum);
        if (violation == null) {
          deadByConfig.add(job.path("event_id").asText());
        }
      }
    }
    return new Findings(jobs.size(), open, deadByConfig, deadErrors, violations);
  }

  /**
   * The rule a finished job breaks, or null.
   *
   * @param attempts its recorded attempts, or null when {@link #needsAttempts} is false
   * @param manualRetries see {@link #audit}
   */
  static @Nullable String check(
      JsonNode job, @Nullable List<JsonNode> attempts, boolean manualRetries) {
    String id = job.path("id").asText();
    int attempt = job.path("attempt").asInt();
    int max = Math.max(1, job.path("max_attempts").asInt());
    if (attempt > max) {
      return "job " + id + ": attempt " + attempt + " > max_attempts " + max;
    }
    if (attempts == null) {
      return null;
    }
    if (attempts.size() < attempt || (attempts.size() > attempt && !manualRetries)) {
      return "job "
          + id
          + ": attempt counter "
          + attempt
          + " but "
          + attempts.size()
          + " attempts recorded";
    }
    if ("dead".equals(job.path("status").asText()) && !manualRetries) {
      if (attempt < max) {
        return "job "
            + id
            + ": dead after "
            + attempt
            + " of "
            + max
            + " attempts: "
            + job.path("last_error").asText();
      }
      for (JsonNode a : attempts) {
        if (a.path("error").isNull() || a.path("error").isMissingNode()) {
          return "job "
              + id
              + ": dead although attempt "
              + a.path("attempt").asInt()
              + " succeeded";
        }
      }
    }
    return null;
  }
}
