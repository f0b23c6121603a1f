/**
 * The pure rules of a workflow run (docs/reference/configuration.md, "Workflows"): data flow
 * between steps, failure decisions, choices, the next step, wait times, callback tokens, deadlines
 * and the canonical form of a definition. No store, no clock of its own, no I/O: the engine calls
 * these with what it read and records what they return. Not API: may change in any release.
 */
@NullMarked
package dev.qhook.internal.workflow.flow;

import org.jspecify.annotations.NullMarked;
