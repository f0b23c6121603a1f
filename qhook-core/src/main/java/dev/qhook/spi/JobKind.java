package dev.qhook.spi;

/** What a job does when it runs. All kinds share one table, one claim path and one retry path. */
public enum JobKind {
  /** An HTTP push to a configured handler. */
  HANDLER,
  /** A message held in a pull queue. */
  QUEUE,
  /** A signed delivery to a customer endpoint. */
  OUTBOUND,
  /** One workflow step, branch or map item. */
  WORKFLOW_STEP
}
