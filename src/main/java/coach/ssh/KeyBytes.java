package coach.ssh;

import java.io.InputStream;
import java.util.function.IntConsumer;

/**
 * The bytes a client typed, handed over by the channel as they arrive (no thread waits for
 * them), for the terminal's key decoding to read without waiting. As on {@link
 * ChannelTerminal.CarriageReturns}, CR is Enter and CR LF counts once. Only whole UTF-8
 * characters are offered, so the decoder never waits for the rest of one. Bytes read (or
 * dropped as the LF of a CR LF) are passed to {@code consumed}, which lets the client send as
 * many more.
 */
final class KeyBytes extends InputStream {
  private final IntConsumer consumed;
  private byte[] buf = new byte[16];
  private int start;
  private int end;
  /** The end of the whole characters, from {@code start}. */
  private int ready;
  private boolean afterCr;
  private boolean closed;

  KeyBytes(IntConsumer consumed) {
    this.consumed = consumed;
  }

  /** Bytes from the client, in order. */
  void append(byte[] b, int off, int len) {
    int dropped = 0;
    synchronized (this) {
      if (closed) {
        dropped = len;
      } else {
        if (end + len > buf.length) {
          int n = end - start;
          byte[] to = n + len > buf.length ? new byte[Math.max(n + len, buf.length * 2)] : buf;
          System.arraycopy(buf, start, to, 0, n);
          buf = to;
          ready -= start;
          end = n;
          start = 0;
        }
        for (int i = off; i < off + len; i++) {
          byte x = b[i];
          if (afterCr && x == '\n') {
            afterCr = false;
            dropped++;
            continue;
          }
          afterCr = x == '\r';
          buf[end++] = x == '\r' ? (byte) '\n' : x;
        }
        ready = wholeCharactersEnd();
      }
    }
    if (dropped > 0) {
      consumed.accept(dropped);
    }
  }

  /** No more bytes will come; what is held is readable to the end. */
  synchronized void close0() {
    closed = true;
    ready = end;
    notifyAll();
  }

  synchronized boolean ended() {
    return closed;
  }

  @Override
  public synchronized int available() {
    return ready - start;
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] to, int off, int len) {
    if (len == 0) {
      return 0;
    }
    int n;
    synchronized (this) {
      // the decoder reads only what it was told is available; it never waits here
      if (ready == start) {
        return -1;
      }
      n = Math.min(len, ready - start);
      System.arraycopy(buf, start, to, off, n);
      start += n;
      if (start == end) {
        start = 0;
        end = 0;
        ready = 0;
      }
    }
    consumed.accept(n);
    return n;
  }

  @Override
  public void close() {
    close0();
  }

  /** Where the last whole UTF-8 character ends: a character cut between packets waits. */
  private int wholeCharactersEnd() {
    int i = end - 1;
    int continuation = 0;
    while (i >= start && continuation < 4 && (buf[i] & 0xC0) == 0x80) {
      i--;
      continuation++;
    }
    if (i < start || continuation == 4) {
      return end; // not UTF-8: the decoder shows it as it can
    }
    int lead = buf[i] & 0xff;
    int need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    return end - i < need ? i : end;
  }
}
