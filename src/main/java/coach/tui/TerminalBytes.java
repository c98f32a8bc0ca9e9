package coach.tui;

/**
 * The bytes a UTF-8 terminal is sent for one drawn character: exactly its encoding. Lanterna
 * 3.1.5 encodes each character with {@code Charset.encode(...).array()}, the encoder's whole
 * buffer rather than the bytes it filled; for a character of two UTF-8 bytes (U+0080 to U+07FF,
 * such as the separator {@code ·} or {@code é}) that buffer has three, so a NUL byte followed
 * every such character on the wire. Both terminals, the local one and the SSH channel's, encode
 * through here when their charset is UTF-8.
 */
public final class TerminalBytes {
  private TerminalBytes() {}

  /** The character's UTF-8 bytes; a lone surrogate, which UTF-8 cannot carry, as {@code ?}. */
  public static byte[] utf8(char c) {
    if (c < 0x80) {
      return new byte[] {(byte) c};
    }
    if (c < 0x800) {
      return new byte[] {(byte) (0xc0 | (c >> 6)), (byte) (0x80 | (c & 0x3f))};
    }
    if (Character.isSurrogate(c)) {
      return new byte[] {'?'};
    }
    return new byte[] {(byte) (0xe0 | (c >> 12)), (byte) (0x80 | ((c >> 6) & 0x3f)),
        (byte) (0x80 | (c & 0x3f))};
  }
}
