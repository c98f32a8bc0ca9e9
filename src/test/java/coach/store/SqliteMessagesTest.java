package coach.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** SQLite's failures in our words: no driver codes or SQLite's own phrasing on the screen. */
class SqliteMessagesTest {
  private static String plain(String driverMessage) {
    return SqliteDb.plainMessage(new SQLException(driverMessage));
  }

  @Test
  void aFullDiskAndItsSharedMemoryFileSayThereIsNoRoom() {
    assertEquals("there is no room on the disk", plain("[SQLITE_FULL] Insertion failed because"
        + " database is full (database or disk is full)"));
    assertEquals("there is no room on the disk", plain("[SQLITE_IOERR_SHMSIZE] I/O error within"
        + " xShmMap while trying to resize an existing shared memory segment (disk I/O error)"));
  }

  @Test
  void otherInputOutputErrorsAskWhetherItIsAFileOnAWorkingDisk() {
    assertEquals("the history file could not be read or written (an input/output error: is it"
        + " a regular file, on a disk that works?)",
        plain("[SQLITE_IOERR_READ] I/O error in the VFS layer while trying to read from a file"
            + " on disk (disk I/O error)"));
  }

  @Test
  void anyOtherMessageLosesTheDriversCode() {
    assertEquals("The database file is locked (database is locked)",
        plain("[SQLITE_BUSY] The database file is locked (database is locked)"));
  }
}
