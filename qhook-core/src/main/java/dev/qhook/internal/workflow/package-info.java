/**
 * The workflow engine (docs/architecture.md, "Workflow runs"): runs started at ingest, step jobs
 * executed by the dispatcher's workers, one store transaction per transition, deadlines, cancel,
 * redrive and callbacks. Internal: not part of the API.
 */
@NullMarked
package dev.qhook.internal.workflow;

import org.jspecify.annotations.NullMarked;
