package dev.qhook.internal.engine;

import dev.qhook.spi.Job;
import org.slf4j.MDC;

/**
 * The ids every log line written while a job runs carries (docs/reference/cli.md, "Logging"):
 * {@code job_id}, {@code event_id} and {@code handler} (the job's target: a handler, a workflow, or
 * an outbound endpoint id), put in the SLF4J MDC of the worker thread for the job's run and removed
 * after it. The JSON log format writes them as fields; the text format leaves them out.
 */
final class JobLogContext implements AutoCloseable {
  static final String JOB_ID = "job_id";
  static final String EVENT_ID = "event_id";
  static final String HANDLER = "handler";
  private static final JobLogContext OPEN = new JobLogContext();

  private JobLogContext() {}

  static JobLogContext open(Job job) {
    MDC.put(JOB_ID, job.id());
    MDC.put(EVENT_ID, job.eventId());
    MDC.put(HANDLER, job.target());
    return OPEN;
  }

  @Override
  public void close() {
    MDC.remove(JOB_ID);
    MDC.remove(EVENT_ID);
    MDC.remove(HANDLER);
  }
}
