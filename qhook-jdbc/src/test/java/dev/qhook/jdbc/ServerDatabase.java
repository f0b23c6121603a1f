package dev.qhook.jdbc;

/** A database of its own on a database server, for the tests of one class. */
public interface ServerDatabase {
  /** A new store on this database, migrated and emptied. */
  JdbcStore freshStore();

  /** Another store on the same database, as a second instance of a cluster would open. */
  JdbcStore store();

  void drop();
}
