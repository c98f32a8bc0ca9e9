package coach.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * A history's database as the shared statements ({@link HistorySql}) see it: where a
 * transaction runs, how a moment is written and read, and how a failure is put in one line.
 */
abstract class Db {
  /** Work inside one transaction. */
  @FunctionalInterface
  interface Work {
    void run(Connection c) throws SQLException;
  }

  /** A read that returns what it found. */
  @FunctionalInterface
  interface Query<T> {
    T run(Connection c) throws SQLException;
  }

  /** Sees each statement run on this database, with its values (tests pin their plans). */
  @FunctionalInterface
  interface Watcher {
    void ran(String sql, java.util.List<Object> values);
  }

  private volatile Watcher watcher;

  /** Sees every statement from now on (null: none). */
  void watch(Watcher w) {
    watcher = w;
  }

  /** The connection as work sees it: itself, or one whose statements are seen by the watcher. */
  Connection watched(Connection c) {
    Watcher w = watcher;
    return w == null ? c : Watched.connection(c, w);
  }

  /** Writes many copied rows at once, the database's own quickest way. */
  interface Bulk {
    /**
     * The batch's ratings and events, each kept once (as the single inserts would); returns how
     * many rows were new.
     */
    long ratingsAndEvents(Connection c, java.util.List<HistoryStore.Copied> batch)
        throws SQLException;
  }

  /** The database's own way of writing many rows at once, or null: batched inserts. */
  Bulk bulk() {
    return null;
  }

  /** Runs work in one transaction, committed (durably) before returning. */
  abstract void inTransaction(Work work) throws SQLException;

  /** Runs a read on a connection of this database. */
  abstract <T> T query(Query<T> q) throws SQLException;

  /** Binds a moment. */
  abstract void setTime(PreparedStatement p, int i, Instant t) throws SQLException;

  /** Reads a moment (null stays null). */
  abstract Instant time(ResultSet r, int i) throws SQLException;

  /**
   * An SQL expression for the mark of a change written in this transaction: a number that grows
   * with every write, so a reader that knows where it got to reads only what changed since.
   */
  abstract String markSql();

  /**
   * A query for the mark to read changes from next time: every change not yet visible now will
   * carry this mark or a higher one (read it before what it stands for).
   */
  abstract String nextMarkSql();

  /** The failure in one plain line, without the driver's decoration. */
  abstract String plain(SQLException e);

  /** Whether the failure means there was no room (trying again later may work). */
  boolean full(SQLException e) {
    return false;
  }

  /** Names the history in messages (a file, or a database without its password). */
  abstract String name();

  /** Saves in one transaction; a failure says what could not be saved and why, in one line. */
  final void write(String what, Work work) throws StoreException {
    try {
      inTransaction(work);
    } catch (SQLException e) {
      throw new StoreException(name() + ": could not save " + what + ": " + plain(e), e,
          full(e));
    }
  }

  /**
   * Saves as {@link #write} does and returns what the work gave: the last run's, when the
   * transaction is tried again.
   */
  final <T> T saved(String what, Query<T> work) throws StoreException {
    java.util.concurrent.atomic.AtomicReference<T> out =
        new java.util.concurrent.atomic.AtomicReference<>();
    write(what, c -> out.set(work.run(c)));
    return out.get();
  }

  /** Reads; a failure is one line. */
  final <T> T read(Query<T> q) throws StoreException {
    try {
      return query(q);
    } catch (SQLException e) {
      throw new StoreException(name() + ": could not read the history: " + plain(e), e);
    }
  }
}
