package coach.ssh;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.LongSupplier;

/**
 * A session's output on its SSH channel that never waits for the client. A flush sends what the
 * client's window takes now and keeps the rest, in order, for the next flush; the session's owner
 * flushes again when the client opens its window ({@link CoachShell}). So a client that reads
 * nothing holds up its own session only, never one of the workers the sessions share (a write
 * that waited for the window would keep a worker from every other session meanwhile).
 *
 * <p>A client that took nothing for {@link #STUCK_NANOS} while bytes waited, or that lets more
 * than {@link #MAX_HELD} bytes wait, is taken for a dropped link: that flush fails, and the
 * session ends as interrupted. One thread at a time: the session's own executor.
 */
final class ChannelOutput extends OutputStream {
  /**
   * What may wait for one client: a few whole screens of the largest window, and a bound for
   * many stuck clients together (128 MB for 1000 of them).
   */
  static final int MAX_HELD = 128 * 1024;
  /** How long a client may take nothing while bytes wait for it. */
  static final long STUCK_NANOS = 30_000_000_000L;
  private static final int INITIAL = 4096;

  private final OutputStream channel;
  private final LongSupplier window;
  private final LongSupplier nanoTime;
  private byte[] held = new byte[INITIAL];
  private int length;
  /** Since when bytes have waited with none taken (valid while {@link #holding}). */
  private long waitingSince;
  /** Bytes wait from a flush the window could not take whole (read by the channel's thread). */
  private volatile boolean holding;

  /**
   * Over the channel's own stream, with the client's window (bytes it takes now without waiting)
   * and a clock in nanoseconds.
   */
  ChannelOutput(OutputStream channel, LongSupplier window, LongSupplier nanoTime) {
    this.channel = channel;
    this.window = window;
    this.nanoTime = nanoTime;
  }

  @Override
  public void write(int b) {
    room(1);
    held[length++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) {
    java.util.Objects.checkFromIndexSize(off, len, b.length);
    room(len);
    System.arraycopy(b, off, held, length, len);
    length += len;
  }

  private void room(int more) {
    if (length + more > held.length) {
      held = java.util.Arrays.copyOf(held, Math.max(length + more, 2 * held.length));
    }
  }

  /** Sends what the client's window takes now; the rest waits for the next flush. */
  @Override
  public void flush() throws IOException {
    if (length == 0) {
      return;
    }
    long now = nanoTime.getAsLong();
    int n = (int) Math.max(0, Math.min(window.getAsLong(), length));
    if (n > 0) {
      channel.write(held, 0, n); // within the window: MINA sends it without waiting
      channel.flush();
      System.arraycopy(held, n, held, 0, length - n);
      length -= n;
    }
    if (length == 0) {
      holding = false;
      if (held.length > INITIAL) {
        held = new byte[INITIAL]; // a large frame's room is not kept
      }
      return;
    }
    if (n > 0 || !holding) {
      waitingSince = now;
    }
    holding = true;
    if (length > MAX_HELD) {
      throw new IOException("the client let " + length + " bytes wait (at most " + MAX_HELD
          + ")");
    }
    if (now - waitingSince > STUCK_NANOS) {
      throw new java.net.SocketTimeoutException("the client took nothing for "
          + (now - waitingSince) / 1_000_000_000L + " s");
    }
  }

  /** Whether bytes wait for the client's window. */
  boolean holding() {
    return holding;
  }
}
