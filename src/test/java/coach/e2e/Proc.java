package coach.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What the end-to-end tests share: running a command to its end, the OpenSSH client, counts. */
final class Proc {
  private Proc() {}

  /** Runs a command with no input to its end (at most 30 s); "EXIT:output". */
  static String run(Path tmp, String... cmd) throws Exception {
    Path out = Files.createTempFile(tmp, "out", ".txt");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .redirectOutput(out.toFile()).start();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", cmd) + " did not end: "
          + Files.readString(out, StandardCharsets.UTF_8));
    }
    return p.exitValue() + ":" + Files.readString(out, StandardCharsets.UTF_8);
  }

  static String run(Path tmp, List<String> cmd) throws Exception {
    return run(tmp, cmd.toArray(new String[0]));
  }

  /** The OpenSSH client for user@127.0.0.1 with one key and no questions; extra options last. */
  static List<String> ssh(int port, Path key, String user, String... extra) {
    List<String> cmd = new ArrayList<>(List.of("ssh", "-p", Integer.toString(port), "-i",
        key.toString(), "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
        "-o", "BatchMode=yes", "-o", "LogLevel=ERROR", "-o", "IdentitiesOnly=yes"));
    cmd.addAll(List.of(extra));
    cmd.add(user + "@127.0.0.1");
    return cmd;
  }

  /** The first column of the first row of a query on a history file. */
  static int count(Path historyDb, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + historyDb);
        Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getInt(1);
    }
  }
}
