package coach.ssh;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;

/**
 * Load for {@code scripts/bench}: many kiosks at once against {@code coach serve}, each driven
 * into a running countdown. Run as its own process so the server's figures are its own.
 *
 * <pre>
 * java -cp 'target/classes:target/test-classes:target/lib/*' coach.ssh.ServeLoad KEYS_OUT
 *   stdin: "add PORT N"  opens N more sessions; answers "ready TOTAL counting M", M being
 *                        the sessions whose countdown draws something every second or so
 *          "quit"        closes them all
 * </pre>
 */
public final class ServeLoad {
  private record Kiosk(ClientSession session, ChannelShell channel, AtomicLong bytes) {}

  private ServeLoad() {}

  public static void main(String[] args) throws Exception {
    java.util.logging.LogManager.getLogManager().reset(); // the library's notes are not output
    KeyPair key = KeyUtils.generateKeyPair("ecdsa-sha2-nistp256", 256);
    Files.writeString(Path.of(args[0]), PublicKeyEntry.toString(key.getPublic()) + " load\n");
    System.out.println("key ready");
    System.out.flush();
    SshClient client = SshClient.setUpDefaultClient();
    client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
    client.start();
    List<Kiosk> kiosks = new ArrayList<>();
    // logins at once: each then types its way into the countdown (about a second)
    ExecutorService pool = Executors.newFixedThreadPool(32);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in,
        StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String[] w = line.trim().split("\\s+");
      if (w[0].equals("quit")) {
        break;
      }
      if (!w[0].equals("add")) {
        continue;
      }
      int port = Integer.parseInt(w[1]);
      int n = Integer.parseInt(w[2]);
      List<Future<Kiosk>> opening = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String user = "load" + (kiosks.size() + i);
        opening.add(pool.submit(() -> open(client, key, user, port)));
      }
      for (Future<Kiosk> f : opening) {
        kiosks.add(f.get());
      }
      Thread.sleep(4000); // get ready (3 s), then the countdown
      // counting down: something drawn in each of three windows of 1.5 s (a screen that waits
      // for a key draws nothing at all)
      boolean[] drawing = new boolean[kiosks.size()];
      java.util.Arrays.fill(drawing, true);
      long[] before = kiosks.stream().mapToLong(k -> k.bytes().get()).toArray();
      for (int window = 0; window < 3; window++) {
        Thread.sleep(1500);
        for (int i = 0; i < kiosks.size(); i++) {
          long now = kiosks.get(i).bytes().get();
          drawing[i] &= now > before[i];
          before[i] = now;
        }
      }
      int counting = 0;
      for (boolean d : drawing) {
        if (d) {
          counting++;
        }
      }
      System.out.println("ready " + kiosks.size() + " counting " + counting);
      System.out.flush();
    }
    for (Kiosk k : kiosks) {
      k.channel().close(true);
      k.session().close(true);
    }
    pool.shutdownNow();
    client.stop();
  }

  /** A shell with an 80x24 xterm PTY for user@127.0.0.1, its output going to {@code out}. */
  static ChannelShell shell(SshClient client, KeyPair key, String user, int port,
      OutputStream out) throws Exception {
    ChannelShell ch = unopenedShell(client, key, user, port);
    ch.setOut(out);
    ch.setErr(OutputStream.nullOutputStream());
    ch.open().verify(Duration.ofSeconds(60));
    return ch;
  }

  /** Logged in as user@127.0.0.1 with the key: a shell with an 80x24 xterm PTY, not yet open. */
  static ChannelShell unopenedShell(SshClient client, KeyPair key, String user, int port)
      throws Exception {
    ClientSession s = client.connect(user, "127.0.0.1", port).verify(Duration.ofSeconds(60))
        .getSession();
    s.addPublicKeyIdentity(key);
    s.auth().verify(Duration.ofSeconds(60));
    ChannelShell ch = s.createShellChannel();
    ch.setPtyType("xterm-256color");
    ch.setPtyColumns(80);
    ch.setPtyLines(24);
    return ch;
  }

  private static Kiosk open(SshClient client, KeyPair key, String user, int port)
      throws Exception {
    AtomicLong bytes = new AtomicLong();
    ChannelShell ch = shell(client, key, user, port, new OutputStream() {
      @Override
      public void write(int b) {
        bytes.incrementAndGet();
      }

      @Override
      public void write(byte[] b, int off, int len) {
        bytes.addAndGet(len);
      }
    });
    ClientSession s = ch.getClientSession();
    OutputStream keys = ch.getInvertedIn();
    // welcome, no red flag, baseline 0, its region, the intro: then the countdown runs
    for (String k : new String[] {"\r", "n", "0", "\r", "\r", "\r"}) {
      Thread.sleep(150);
      keys.write(k.getBytes(StandardCharsets.US_ASCII));
      keys.flush();
    }
    return new Kiosk(s, ch, bytes);
  }
}
