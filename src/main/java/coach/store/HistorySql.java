package coach.store;

/**
 * The statements both back ends run, in SQL that SQLite and PostgreSQL read alike: a session's
 * entries ({@link EntrySql}), reading sessions ({@link PatientSql}), the clinic's reads
 * ({@link ClinicSql}), the alert outbox ({@link AlertSql}) and copying a history
 * ({@link CopySql}). Every write is idempotent: an entry written twice (a retry, a spool sent
 * again after a crash) leaves the history as if written once. This class holds what they share.
 */
final class HistorySql {
  private HistorySql() {}

  /** How many values one statement binds at most (both back ends take far more). */
  static final int CHUNK = 500;

  /** " = ?" for one value, " IN (?, ?, ...)" for more. */
  static String in(int n) {
    return n == 1 ? " = ?" : " IN (" + String.join(", ", java.util.Collections.nCopies(n, "?"))
        + ")";
  }

  /** The constant of that name, or null when this version has none (a newer coach wrote it). */
  static <E extends Enum<E>> E known(Class<E> type, String name) {
    try {
      return name == null ? null : Enum.valueOf(type, name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
