package coach.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.app.CoachSession;
import coach.app.Logs;
import coach.routine.LoadResult;
import coach.routine.RoutineLoader;
import coach.store.SqliteHistoryStore;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.logging.LogManager;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannel;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What a logged-in client sends reaches serve.log only cleaned: one line per entry. */
@Timeout(60)
class ServeLogTest {
  @TempDir Path tmp;

  @AfterEach
  void restore() throws Exception {
    LogManager.getLogManager().readConfiguration();
  }

  private static final String FORGED = "true\n2026-01-01T00:00:00Z INFO coach.ssh: [fake]"
      + " connected: user admin\u001b[2J\u001b]0;owned\u0007";

  private Integer execStatus;

  @Test
  void aCommandOrSubsystemCannotForgeLinesOrSendEscapesIntoServeLog() throws Exception {
    Logs.serveTo(tmp);
    KeyPair key = KeyUtils.generateKeyPair("ecdsa-sha2-nistp256", 256);
    Path authorized = tmp.resolve("authorized_keys");
    Files.writeString(authorized, PublicKeyEntry.toString(key.getPublic()) + " test\n");
    LoadResult routine = new RoutineLoader().load(Path.of("routines/sciatica.yaml"));
    CoachServer.Settings settings = new CoachServer.Settings("127.0.0.1", 0, tmp, authorized,
        null, false, false, 10, Duration.ofMinutes(10), Duration.ofHours(2), Duration.ofSeconds(30), 6,
        100, 1.0, Duration.ofMinutes(1));
    try (SqliteHistoryStore store = SqliteHistoryStore.open(SqliteHistoryStore.fileIn(tmp));
        CoachServer server = new CoachServer(settings, new CoachServer.Routines(routine,
            Map.of()), CoachSession.forServer(store))) {
      server.start();
      SshClient client = SshClient.setUpDefaultClient();
      client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
      client.start();
      try {
        ClientSession s = client.connect("mallory", "127.0.0.1", server.port())
            .verify(Duration.ofSeconds(30)).getSession();
        s.addPublicKeyIdentity(key);
        s.auth().verify(Duration.ofSeconds(30));
        ChannelExec exec = s.createExecChannel(FORGED);
        exec.setOut(ByteArrayOutputStream.nullOutputStream());
        exec.setErr(ByteArrayOutputStream.nullOutputStream());
        exec.open().verify(Duration.ofSeconds(30));
        exec.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), Duration.ofSeconds(20));
        execStatus = exec.getExitStatus();
        ClientChannel sub = s.createSubsystemChannel(FORGED);
        try {
          sub.open().verify(Duration.ofSeconds(30));
        } catch (Exception refused) {
          // the subsystem is refused; what matters is what the log says of it
        }
        sub.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), Duration.ofSeconds(20));
        s.close(true);
      } finally {
        client.stop();
      }
    }
    String log = Files.readString(tmp.resolve("serve.log"), StandardCharsets.UTF_8);
    assertTrue(log.contains("command refused: user mallory"), log);
    assertTrue(log.contains("subsystem"), "the library's refusal of the subsystem: " + log);
    for (String line : log.split("\n")) {
      assertTrue(line.matches("\\d{4}-\\d\\d-\\d\\dT.*") || line.startsWith("\t")
          || line.startsWith("Caused by: ") || line.isEmpty(), "a forged line: " + line);
      assertFalse(line.contains("\u001b") || line.contains("\u0007"), "an escape: " + line);
    }
    assertEquals(1, execStatus, "the command is refused with a line of its own");
  }
}
