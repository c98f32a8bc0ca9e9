package coach.ssh;

import coach.routine.LoadResult;
import coach.store.HistoryStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.config.keys.AuthorizedKeysAuthenticator;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

/**
 * The coach's own SSH server: one process, one coaching session per interactive connection.
 * Only a shell with a PTY is served: no commands, no SFTP or SCP, no forwarding of ports or
 * agents. Public keys from an OpenSSH authorized_keys file; the SSH user name is the patient.
 */
public final class CoachServer implements AutoCloseable {
  /** What the server is started with. */
  public record Settings(String bind, int port, Path dataDir, Path authorizedKeys,
      int maxSessions, Duration idleTimeout, Duration authTimeout, int maxAuthAttempts) {}

  private final SshServer sshd;
  private final AtomicInteger active = new AtomicInteger();

  public CoachServer(Settings s, LoadResult routine, HistoryStore store) throws IOException {
    sshd = SshServer.setUpDefaultServer();
    sshd.setHost(s.bind());
    sshd.setPort(s.port());
    Path hostKey = s.dataDir().resolve("ssh_host_key");
    SimpleGeneratorHostKeyProvider keys = new SimpleGeneratorHostKeyProvider(hostKey);
    keys.setAlgorithm(KeyUtils.EC_ALGORITHM);
    keys.setKeySize(256);
    sshd.setKeyPairProvider(keys);
    keys.loadKeys(null); // generate now, so the file exists with its permissions from the start
    if (Files.exists(hostKey)) {
      try {
        Files.setPosixFilePermissions(hostKey, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException ignored) {
        // not POSIX
      }
    }
    sshd.setPublickeyAuthenticator(new AuthorizedKeysAuthenticator(s.authorizedKeys()));
    sshd.setPasswordAuthenticator(null);
    sshd.setKeyboardInteractiveAuthenticator(null);
    sshd.setShellFactory(channel -> new CoachShell(routine, store, active, s.maxSessions()));
    sshd.setCommandFactory(null);
    sshd.setSubsystemFactories(List.of());
    sshd.setForwardingFilter(RejectAllForwardingFilter.INSTANCE);
    sshd.setAgentFactory(null);
    CoreModuleProperties.IDLE_TIMEOUT.set(sshd, s.idleTimeout());
    CoreModuleProperties.AUTH_TIMEOUT.set(sshd, s.authTimeout());
    CoreModuleProperties.MAX_AUTH_REQUESTS.set(sshd, s.maxAuthAttempts());
  }

  public void start() throws IOException {
    sshd.start();
  }

  /** The port actually bound (when 0 asked for any free one). */
  public int port() {
    return sshd.getPort();
  }

  public int activeSessions() {
    return active.get();
  }

  @Override
  public void close() throws IOException {
    sshd.stop(false);
  }
}
