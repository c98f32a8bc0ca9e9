package coach.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogsTest {
  @TempDir Path tmp;

  @AfterEach
  void restore() throws Exception {
    LogManager.getLogManager().readConfiguration();
  }

  @Test
  void anErrorGoesToCoachLogWithItsDetails() throws Exception {
    Path data = tmp.resolve("data");
    Logs.error(data, "saving", new IllegalStateException("disk full"));
    Logs.info(data, "history started afresh");
    String log = Files.readString(data.resolve("coach.log"));
    assertTrue(log.contains(" ERROR saving"), log);
    assertTrue(log.contains("java.lang.IllegalStateException: disk full"), log);
    assertTrue(log.contains("at coach.app.LogsTest"), "the stack trace: " + log);
    assertTrue(log.contains(" INFO history started afresh"), log);
  }

  @Test
  void aLogThatCannotBeWrittenIsSkipped() throws Exception {
    Path notAFolder = tmp.resolve("file");
    Files.writeString(notAFolder, "x");
    Logs.error(notAFolder, "saving", new RuntimeException()); // no exception
  }

  @Test
  void theServerLogsToServeLogAndTheSshLibraryOnlyItsWarnings() throws Exception {
    Logs.serveTo(tmp);
    Logger.getLogger("coach.ssh").info("connected: user alice from 127.0.0.1:1");
    Logger.getLogger("org.apache.sshd.server.SshServer").info("library chatter");
    Logger.getLogger("org.apache.sshd.server.SshServer").warning("library warning");
    String log = Files.readString(tmp.resolve("serve.log"));
    assertTrue(log.contains("INFO coach.ssh: connected: user alice from 127.0.0.1:1"), log);
    assertTrue(log.contains("WARNING org.apache.sshd.server.SshServer: library warning"), log);
    assertFalse(log.contains("library chatter"), log);
    assertFalse(Files.exists(tmp.resolve("coach.log")));
  }

  @Test
  void aSessionOnADatabaseLogsItsWarningsToCoachLog() throws Exception {
    Logs.warningsTo(tmp);
    Logger.getLogger("coach.store.PostgresHistoryStore").warning("the database cannot be"
        + " reached; keeping entries in spool");
    Logger.getLogger("com.zaxxer.hikari.pool.HikariPool").info("pool chatter");
    String log = Files.readString(tmp.resolve("coach.log"));
    assertTrue(log.contains("WARNING coach.store.PostgresHistoryStore: the database cannot be"
        + " reached"), log);
    assertFalse(log.contains("pool chatter"), log);
  }

  @Test
  void aNewLogIsReadableByItsOwnerAlone() throws Exception {
    Logs.info(tmp, "started");
    Path log = Logs.file(tmp);
    org.junit.jupiter.api.Assertions.assertEquals("rw-------",
        java.nio.file.attribute.PosixFilePermissions.toString(
            Files.getPosixFilePermissions(log)));
    Logs.serveTo(tmp);
    org.junit.jupiter.api.Assertions.assertEquals("rw-------",
        java.nio.file.attribute.PosixFilePermissions.toString(
            Files.getPosixFilePermissions(tmp.resolve(Logs.SERVE))));
  }

  @Test
  void aFullLogIsKeptAsTheFirstOfThreeAndTheOldestGoes() throws Exception {
    Path log = Logs.file(tmp);
    for (String older : new String[] {"3", "2", "1"}) {
      Files.writeString(tmp.resolve(Logs.COACH + "." + older), "log " + older);
    }
    Files.write(log, new byte[(int) Logs.MAX_BYTES]);
    Logs.info(tmp, "after the limit");
    assertTrue(Files.readString(log).contains("after the limit"));
    assertTrue(Files.size(log) < 1000, "a new log was begun");
    org.junit.jupiter.api.Assertions.assertEquals(Logs.MAX_BYTES,
        Files.size(tmp.resolve(Logs.COACH + ".1")));
    org.junit.jupiter.api.Assertions.assertEquals("log 1",
        Files.readString(tmp.resolve(Logs.COACH + ".2")));
    org.junit.jupiter.api.Assertions.assertEquals("log 2",
        Files.readString(tmp.resolve(Logs.COACH + ".3")));
    assertFalse(Files.exists(tmp.resolve(Logs.COACH + ".4")));
  }

  @Test
  void anEntryIsOneLineWhateverItsMessageOrExceptionSays() throws Exception {
    Path data = tmp.resolve("data");
    Logs.error(data, "what\n2026-01-01T00:00:00Z INFO forged\u001b[2J", new IllegalStateException(
        "bad\nCaused by: forged\u001b]0;x\u0007", new RuntimeException("inner\r\nforged")));
    String log = Files.readString(data.resolve("coach.log"));
    assertFalse(log.contains("\u001b") || log.contains("\u0007") || log.contains("\r"), log);
    for (String line : log.split("\n")) {
      assertTrue(line.matches("\\d{4}-\\d\\d-\\d\\dT.* ERROR what\\\\u000A2026.*")
          || line.startsWith("\tat ") || line.startsWith("java.lang.IllegalStateException: bad")
          || line.startsWith("Caused by: java.lang.RuntimeException: inner\\u000D\\u000Aforged"),
          "a forged line: " + line);
    }
    assertTrue(log.contains("at coach.app.LogsTest"), "the stack trace is kept: " + log);
    String longer = "x".repeat(Logs.MAX_LINE + 500);
    assertTrue(Logs.line(longer).length() < Logs.MAX_LINE + 40, "a message is cut");
  }
}
