package dev.qhook.jdbc.internal;

/** When a write transaction's commit must be on disk. */
public enum Durability {
  /**
   * On disk when the commit returns: anything acknowledged to someone, or not redone after a crash.
   */
  ON_COMMIT,

  /**
   * On disk with the next {@link #ON_COMMIT} commit (or the database's own background flush); a
   * crash may lose it, never half of it. Only for work that crash recovery redoes anyway: a lost
   * claim or lease extension leaves the job as it was before, and a job left running is requeued
   * when its lease lapses (or at start, on a store of one instance). Saves the disk flush of every
   * claim.
   */
  DEFERRED
}
