package coach.ssh;

import coach.kiosk.AuthorizedKey;
import coach.kiosk.Patients;
import coach.routine.LoadResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.session.ServerSession;

/**
 * The coach's own SSH server: one process, one coaching session per interactive connection.
 * Only a shell with a PTY is served: no commands, no SFTP or SCP, no forwarding of ports or
 * agents. Logins by public key (an OpenSSH authorized_keys file, or a user's keys in the patients
 * file) or by a password checked against its salted hash in the patients file.
 */
public final class CoachServer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger("coach.ssh");

  /**
   * What the server is started with. {@code authorizedKeys} and {@code patients} may be null.
   * A kiosk accepts only the codes of the patients file, unless {@code anyCode}.
   */
  public record Settings(String bind, int port, Path dataDir, Path authorizedKeys,
      Patients patients, boolean kiosk, boolean anyCode, int maxSessions, Duration idleTimeout,
      Duration maxSessionLength, Duration authTimeout, int maxAuthAttempts,
      int connectionsPerMinute, double pace, Duration statsEvery) {}

  /** The routines served: the default and every one the patients file names. */
  public record Routines(LoadResult fallback, Map<String, LoadResult> byName) {
    LoadResult forName(String name) {
      return name == null ? fallback : byName.getOrDefault(name, fallback);
    }
  }

  private final SshServer sshd;
  /** The host key's fingerprint, as OpenSSH prints it (SHA256:...). */
  private final String fingerprint;
  private final AtomicInteger active = new AtomicInteger();
  private final Map<CoachShell, Boolean> open = new ConcurrentHashMap<>();
  private final ServerStats stats = new ServerStats();
  /** Unknown patient codes, by client address and kiosk login, across connections. */
  private final coach.kiosk.CodeGuesses guesses = new coach.kiosk.CodeGuesses(System::nanoTime);
  /** The sessions' screen cells together (see CellBudget): no window size exhausts the heap. */
  private final CellBudget cells = new CellBudget(CellBudget.SHARED);
  private final java.util.concurrent.ScheduledExecutorService reports =
      java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "coach-serve-stats");
        t.setDaemon(true);
        return t;
      });
  /**
   * Password checks, after their back-off wait: PBKDF2 costs a tenth of a second of CPU, so half
   * the processors at most, and never the SSH library's I/O threads.
   */
  private final java.util.concurrent.ScheduledExecutorService logins =
      java.util.concurrent.Executors.newScheduledThreadPool(
          Math.max(1, Runtime.getRuntime().availableProcessors() / 2), r -> {
            Thread t = new Thread(r, "coach-ssh-login");
            t.setDaemon(true);
            return t;
          });
  private final Duration statsEvery;
  /**
   * The sessions' one timer and their shared workers: a session keeps no thread of its own. A
   * few workers per processor, since one may now and then wait on the disk; never on a client
   * that reads nothing (its frames wait for its window instead, see ChannelOutput).
   */
  private final coach.tui.LoopScheduler loops = coach.tui.LoopScheduler.threads("coach-ssh",
      Math.max(4, 4 * Runtime.getRuntime().availableProcessors()),
      e -> LOG.log(java.util.logging.Level.WARNING, "a session's work failed", e));

  /** A server for these settings and routines, whose sessions the factory begins. */
  public CoachServer(Settings s, Routines routines, SessionFactory sessions) throws IOException {
    statsEvery = s.statsEvery();
    sshd = SshServer.setUpDefaultServer();
    sshd.setHost(s.bind());
    sshd.setPort(s.port());
    Path hostKey = s.dataDir().resolve("ssh_host_key");
    SimpleGeneratorHostKeyProvider keys = new SimpleGeneratorHostKeyProvider(hostKey);
    keys.setAlgorithm(KeyUtils.EC_ALGORITHM);
    keys.setKeySize(256);
    sshd.setKeyPairProvider(keys);
    // generate now, so the file exists with its permissions from the start
    java.security.PublicKey hostPublic = keys.loadKeys(null).iterator().next().getPublic();
    fingerprint = KeyUtils.getKeyType(hostPublic) + " " + KeyUtils.getFingerPrint(hostPublic);
    if (Files.exists(hostKey)) {
      try {
        Files.setPosixFilePermissions(hostKey, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException ignored) {
        // not POSIX
      }
    }
    List<AuthorizedKey> shared = s.authorizedKeys() == null ? List.of()
        : readKeys(s.authorizedKeys());
    sshd.setPublickeyAuthenticator((user, key, session) -> {
      List<AuthorizedKey> lines = new java.util.ArrayList<>();
      if (mayLogInWithSharedKey(s, user)) {
        shared.stream().filter(k -> KeyUtils.compareKeys(k.key(), key)).forEach(lines::add);
      }
      if (mayLogIn(s, user)) {
        if (s.patients() != null) {
          s.patients().user(user).ifPresent(u -> u.keys().stream()
              .filter(k -> KeyUtils.compareKeys(k.key(), key)).forEach(lines::add));
        }
      }
      InetAddress from = session.getClientAddress() instanceof InetSocketAddress a
          ? a.getAddress() : null;
      java.time.Instant now = java.time.Instant.now();
      boolean ok = lines.stream().anyMatch(k -> k.allows(from, now));
      if (!ok) {
        LOG.info(() -> "key refused: user " + Names.clean(user) + " from " + address(session)
            + (lines.isEmpty() ? "" : " (its from= or expiry-time= option does not allow it)"));
      }
      return ok;
    });
    if (s.patients() != null && s.patients().anyPassword()) {
      sshd.setPasswordAuthenticator(new PasswordLogins(s.patients(),
          coach.kiosk.PasswordHash::matches, new LoginBackoff(System::nanoTime),
          (wait, task) -> logins.schedule(task, wait,
              java.util.concurrent.TimeUnit.NANOSECONDS)));
    } else {
      sshd.setPasswordAuthenticator(null);
    }
    sshd.setKeyboardInteractiveAuthenticator(null);
    // AES (GCM first) runs on the processor's AES instructions; ChaCha20-Poly1305, which OpenSSH
    // clients would pick first, runs in plain Java here and costs several times more per frame
    sshd.setCipherFactories(new java.util.ArrayList<>(List.of(BuiltinCiphers.aes128gcm,
        BuiltinCiphers.aes256gcm, BuiltinCiphers.aes128ctr, BuiltinCiphers.aes192ctr,
        BuiltinCiphers.aes256ctr)));
    sshd.setShellFactory(channel -> new CoachShell(s, routines, sessions, active, open,
        stats::tick, loops, guesses, cells));
    sshd.setCommandFactory(RefusedCommand.FACTORY);
    sshd.setSubsystemFactories(List.of());
    sshd.setForwardingFilter(RejectAllForwardingFilter.INSTANCE);
    sshd.setAgentFactory(null);
    ConnectionRate rate = new ConnectionRate(s.connectionsPerMinute(), System::nanoTime);
    sshd.addSessionListener(new SessionListener() {
      @Override
      public void sessionCreated(Session session) {
        SocketAddress remote = session.getIoSession().getRemoteAddress();
        String host = remote instanceof InetSocketAddress a ? a.getAddress().getHostAddress()
            : String.valueOf(remote);
        if (!rate.allow(host)) {
          LOG.info(() -> "too many connections from " + host + "; refused");
          session.close(true);
        }
      }
    });
    // the coach's own idle limit ends sessions; the link itself is watched by keep-alives
    CoreModuleProperties.IDLE_TIMEOUT.set(sshd, Duration.ZERO);
    CoreModuleProperties.HEARTBEAT_INTERVAL.set(sshd, Duration.ofSeconds(30));
    CoreModuleProperties.AUTH_TIMEOUT.set(sshd, s.authTimeout());
    CoreModuleProperties.MAX_AUTH_REQUESTS.set(sshd, s.maxAuthAttempts());
    CoreModuleProperties.MAX_CONCURRENT_CHANNELS.set(sshd, 1);
    // per connection: a session reads keys and window changes, so a read buffer of 4 KB rather
    // than 32 (larger packets, a key exchange's, are read in parts), and a client may send 64 KB
    // ahead of what the session has read (keys; the default 2 MB is for file transfers)
    CoreModuleProperties.NIO2_READ_BUFFER_SIZE.set(sshd, 4096);
    CoreModuleProperties.WINDOW_SIZE.set(sshd, 64L * 1024);
    // sessions never wait for a client's window (see ChannelOutput); the one-line refusals
    // written straight to a channel wait 5 seconds at most, not MINA's 30
    CoreModuleProperties.WAIT_FOR_SPACE_TIMEOUT.set(sshd, Duration.ofSeconds(5));
  }

  /** With a patients file only its users may log in; without one any well-formed name. */
  private static boolean mayLogIn(Settings s, String user) {
    if (user == null || !Patients.NAME.matcher(user).matches()) {
      return false;
    }
    return s.patients() == null || s.patients().user(user).isPresent();
  }

  /**
   * A key of --authorized-keys logs in as a user of the patients file, or, when every
   * connection is a kiosk (--kiosk), under any well-formed name: the name chooses nothing there,
   * and the patients file may list only the codes the kiosks accept.
   */
  private static boolean mayLogInWithSharedKey(Settings s, String user) {
    return mayLogIn(s, user) || (s.kiosk() && user != null
        && Patients.NAME.matcher(user).matches());
  }

  /** The client's address without its port; null when unknown. */
  static String host(ServerSession session) {
    SocketAddress a = session == null ? null : session.getClientAddress();
    return a instanceof InetSocketAddress i ? i.getAddress().getHostAddress()
        : a == null ? null : String.valueOf(a);
  }

  static String address(ServerSession session) {
    SocketAddress a = session == null ? null : session.getClientAddress();
    return a instanceof InetSocketAddress i ? i.getAddress().getHostAddress() + ":" + i.getPort()
        : String.valueOf(a);
  }

  /** The keys of an authorized_keys file, with their options; a line refused is an error. */
  private static List<AuthorizedKey> readKeys(Path file) throws IOException {
    AuthorizedKey.File read = AuthorizedKey.read(file, java.time.ZoneId.systemDefault());
    if (read.problem() != null) {
      throw new IOException(read.problem());
    }
    return read.keys();
  }

  public void start() throws IOException {
    sshd.start();
    long every = statsEvery.toMillis();
    reports.scheduleAtFixedRate(() -> LOG.info(stats.report(active.get())), every, every,
        java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  /** The port actually bound (when 0 asked for any free one). */
  public int port() {
    return sshd.getPort();
  }

  /**
   * The host key's type and fingerprint ("ecdsa-sha2-nistp256 SHA256:..."), the line a kiosk's
   * first connection asks its user to compare.
   */
  public String hostKeyFingerprint() {
    return fingerprint;
  }

  public int activeSessions() {
    return active.get();
  }

  /** Screen cells the sessions take from the shared allowance now (see CellBudget). */
  long sharedCellsInUse() {
    return cells.used();
  }

  /**
   * Ends every open session through its core (saved as interrupted, terminal restored on the
   * client), waits for them to finish saving, then stops listening.
   */
  @Override
  public void close() throws IOException {
    reports.shutdownNow();
    logins.shutdownNow();
    for (CoachShell shell : open.keySet()) {
      shell.interrupt("server stopping");
    }
    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    for (CoachShell shell : open.keySet()) {
      shell.awaitEnd(Math.max(0, end - System.nanoTime()));
    }
    sshd.stop(false);
    loops.close();
  }
}
