package dev.qhook.jdbc.internal;

/** When a write transaction's commit must be on disk. */
public enum Durability {
  /**
   * On disk when the commit returns: anything acknowledged to someone, or not redone after a crash.
   */
  ON_COMMIT,

  /**
   * On disk with the next {@link #ON_COMMIT} commit (or the database's own background flush). A
   * crash of the qhook process loses nothing: the commit has reached the operating system (SQLite)
   * or the database server (PostgreSQL). An operating-system crash, a power loss or a database
   * server crash may lose the latest such commits, never half of one. Only for work that crash
   * recovery redoes anyway: a lost claim or lease extension leaves the job as it was before (then
   * the try in flight is not counted as an attempt), and a job left running is requeued when its
   * lease lapses (or at start, on a store of one instance). Saves the disk flush of every claim.
   * MySQL and MariaDB have no per-transaction setting: there it commits as {@link #ON_COMMIT}.
   */
  DEFERRED
}
