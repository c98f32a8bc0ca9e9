package coach.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.command.CommandFactory;

/**
 * A command (ssh HOST COMMAND) is answered with one line and exit status 1, and logged by the
 * server in a cleaned, bounded form: the SSH library, left to refuse it, wrote the client's
 * command line into serve.log as it came, line breaks and escape sequences included.
 */
final class RefusedCommand implements Command {
  /** The exit status a channel reports when the coach refused it (a command, a wrong code). */
  static final int REFUSED = 1;

  private static final Logger LOG = Logger.getLogger("coach.ssh");
  static final String LINE = "This service runs only interactive sessions: connect with"
      + " ssh -t and no command.";

  /** Refuses every command, saying which in the log. */
  static final CommandFactory FACTORY = (channel, command) -> {
    LOG.info(() -> "command refused: user " + Names.clean(channel.getSession().getUsername())
        + " from " + CoachServer.address(channel.getSession()) + ": " + Names.clean(command));
    return new RefusedCommand();
  };

  private OutputStream err;
  private ExitCallback exit;

  @Override
  public void setInputStream(InputStream in) {
    // nothing is read
  }

  @Override
  public void setOutputStream(OutputStream out) {
    // the refusal goes to the error stream, as a shell's would
  }

  @Override
  public void setErrorStream(OutputStream err) {
    this.err = err;
  }

  @Override
  public void setExitCallback(ExitCallback callback) {
    this.exit = callback;
  }

  @Override
  public void start(ChannelSession channel, Environment env) throws IOException {
    try {
      err.write((LINE + "\r\n").getBytes(StandardCharsets.UTF_8));
      err.flush();
    } finally {
      exit.onExit(REFUSED, LINE);
    }
  }

  @Override
  public void destroy(ChannelSession channel) {
    // nothing runs
  }
}
