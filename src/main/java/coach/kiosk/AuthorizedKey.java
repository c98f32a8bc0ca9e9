package coach.kiosk;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

/**
 * One key of an OpenSSH {@code authorized_keys} line (from the file given to {@code coach serve
 * --authorized-keys}, or a user's {@code keys} in the patients file) with the options that limit
 * it. Every option either holds here or the line is refused, so no limit a clinic wrote is
 * silently dropped:
 *
 * <ul>
 *   <li>honoured: {@code from="PATTERNS"} (the client's address must match, as sshd matches it
 *       with UseDNS off: addresses, {@code *} and {@code ?} wildcards, CIDR blocks, {@code !} to
 *       exclude) and {@code expiry-time="YYYYMMDD[HHMM[SS]][Z]"} (not accepted after it; local
 *       time unless it ends in Z);
 *   <li>always true of this server: {@code restrict}, {@code no-port-forwarding}, {@code
 *       no-agent-forwarding}, {@code no-X11-forwarding}, {@code no-user-rc}, {@code no-pty},
 *       {@code permitopen}, {@code permitlisten}, {@code tunnel}: nothing is forwarded, no command,
 *       shell or rc file runs, and the terminal shows only the coach;
 *   <li>granting options ({@code pty}, {@code port-forwarding}, {@code agent-forwarding}, {@code
 *       X11-forwarding}, {@code user-rc}, {@code no-touch-required}) grant nothing more here;
 *   <li>refused, as they cannot be honoured: {@code command}, {@code environment}, {@code
 *       principals}, {@code cert-authority}, {@code verify-required}, and any option sshd does
 *       not know either.
 * </ul>
 */
public record AuthorizedKey(PublicKey key, List<String> from, Instant expires) {
  private static final Set<String> ALWAYS_SO = Set.of("restrict", "no-port-forwarding",
      "no-agent-forwarding", "no-x11-forwarding", "no-user-rc", "no-pty", "permitopen",
      "permitlisten", "tunnel");
  private static final Set<String> GRANT_NOTHING_MORE = Set.of("pty", "port-forwarding",
      "agent-forwarding", "x11-forwarding", "user-rc", "no-touch-required");
  private static final Map<String, String> CANNOT = Map.of(
      "command", "it would run a command instead of the coach",
      "environment", "it would set the environment of a command, and none runs here",
      "principals", "it is for certificates, which this server does not accept",
      "cert-authority", "it is for certificates, which this server does not accept",
      "verify-required", "this server cannot check a security key's PIN verification");
  private static final Pattern IPV4_WILDCARD = Pattern.compile("[0-9*?.]+");
  private static final Pattern IPV6_WILDCARD = Pattern.compile("[0-9a-fA-F*?.:]*:[0-9a-fA-F*?.:]*");
  private static final Pattern EXPIRY = Pattern.compile("(\\d{8})(\\d{4}(\\d{2})?)?([zZ]?)");

  /** A line that is not a key this server can honour; the message is one line, for a person. */
  public static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  /** An authorized_keys file read: its keys, or the first line that cannot be used. */
  public record File(List<AuthorizedKey> keys, String problem) {}

  /**
   * Parses one line (options, then the key), with expiry times in {@code zone}.
   *
   * @throws Refused when it is not a public key, or an option cannot be honoured
   */
  public static AuthorizedKey parse(String line, ZoneId zone) throws Refused {
    AuthorizedKeyEntry entry;
    PublicKey key;
    try {
      entry = AuthorizedKeyEntry.parseAuthorizedKeyEntry(line);
      key = entry == null ? null : entry.resolvePublicKey(null, PublicKeyEntryResolver.FAILING);
    } catch (Exception e) {
      key = null;
      entry = null;
    }
    if (key == null) {
      throw new Refused("not an OpenSSH public key; expected a line such as \"ssh-ed25519"
          + " AAAAC3... name\" (ssh-ed25519, ecdsa-sha2-nistp256/384/521, ssh-rsa), optionally"
          + " after options");
    }
    List<String> from = null;
    Instant expires = null;
    for (Map.Entry<String, String> o : entry.getLoginOptions().entrySet()) {
      String name = o.getKey().toLowerCase(Locale.ROOT);
      if (name.equals("from")) {
        from = patterns(o.getValue());
      } else if (name.equals("expiry-time")) {
        expires = expiry(o.getValue(), zone);
      } else if (CANNOT.containsKey(name)) {
        throw new Refused("the option \"" + name + "\" cannot be honoured by coach serve: "
            + CANNOT.get(name) + "; remove the option or the key");
      } else if (!ALWAYS_SO.contains(name) && !GRANT_NOTHING_MORE.contains(name)) {
        throw new Refused("unknown option \"" + clip(o.getKey()) + "\"; coach serve knows"
            + " OpenSSH's from, expiry-time, restrict and the no-... options");
      }
    }
    return new AuthorizedKey(key, from, expires);
  }

  /** Reads an authorized_keys file: every key, or the first line that is refused. */
  public static File read(Path file, ZoneId zone) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException | java.io.UncheckedIOException e) {
      return new File(List.of(), file + ": cannot be read as text");
    }
    List<AuthorizedKey> keys = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      try {
        keys.add(parse(line, zone));
      } catch (Refused e) {
        return new File(List.of(), file + ":" + (i + 1) + ":1: " + e.getMessage());
      }
    }
    return new File(List.copyOf(keys), null);
  }

  /** Whether a client offering {@code offered} from {@code client} at {@code now} may log in. */
  public boolean admits(PublicKey offered, InetAddress client, Instant now) {
    return KeyUtils.compareKeys(key, offered) && allows(client, now);
  }

  /** Whether this line's options let a client from {@code client} in at {@code now}. */
  public boolean allows(InetAddress client, Instant now) {
    if (expires != null && now.isAfter(expires)) {
      return false;
    }
    return from == null || matches(from, client);
  }

  /** sshd's rule: any excluded pattern that matches refuses; else any pattern that matches. */
  static boolean matches(List<String> patterns, InetAddress client) {
    if (client == null) {
      return false;
    }
    boolean any = false;
    for (String p : patterns) {
      boolean negated = p.startsWith("!");
      String pattern = negated ? p.substring(1) : p;
      if (matchesOne(pattern, client)) {
        if (negated) {
          return false;
        }
        any = true;
      }
    }
    return any;
  }

  private static boolean matchesOne(String pattern, InetAddress client) {
    int slash = pattern.indexOf('/');
    if (slash >= 0) {
      InetAddress net = literal(pattern.substring(0, slash));
      int bits = Integer.parseInt(pattern.substring(slash + 1));
      if (net == null || net.getAddress().length != client.getAddress().length) {
        return false;
      }
      int width = 8 * net.getAddress().length;
      BigInteger mask = BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE)
          .shiftRight(bits).not();
      return new BigInteger(1, net.getAddress()).and(mask)
          .equals(new BigInteger(1, client.getAddress()).and(mask));
    }
    String text = client.getHostAddress().toLowerCase(Locale.ROOT);
    int zoneAt = text.indexOf('%');
    if (zoneAt >= 0) {
      text = text.substring(0, zoneAt);
    }
    if (pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0) {
      InetAddress exact = literal(pattern);
      return exact != null && exact.equals(client);
    }
    return wildcard(pattern.toLowerCase(Locale.ROOT), 0, text, 0);
  }

  /** {@code *} any run of characters, {@code ?} one character, as sshd's match_pattern. */
  private static boolean wildcard(String p, int pi, String s, int si) {
    while (pi < p.length()) {
      char c = p.charAt(pi);
      if (c == '*') {
        for (int k = si; k <= s.length(); k++) {
          if (wildcard(p, pi + 1, s, k)) {
            return true;
          }
        }
        return false;
      }
      if (si >= s.length() || (c != '?' && c != s.charAt(si))) {
        return false;
      }
      pi++;
      si++;
    }
    return si == s.length();
  }

  /**
   * The address an IPv4 or IPv6 literal names; null when it is not one. Never a look-up: an IPv4
   * literal is read here, and a text with a colon is only ever read as an IPv6 literal.
   */
  private static InetAddress literal(String s) {
    if (s.isEmpty() || s.indexOf('*') >= 0 || s.indexOf('?') >= 0) {
      return null;
    }
    try {
      if (s.indexOf(':') >= 0) {
        return IPV6_WILDCARD.matcher(s).matches() ? InetAddress.getByName(s) : null;
      }
      String[] parts = s.split("\\.", -1);
      if (parts.length != 4) {
        return null;
      }
      byte[] b = new byte[4];
      for (int i = 0; i < 4; i++) {
        if (!parts[i].matches("\\d{1,3}") || Integer.parseInt(parts[i]) > 255) {
          return null;
        }
        b[i] = (byte) Integer.parseInt(parts[i]);
      }
      return InetAddress.getByAddress(b);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** The patterns of a from= option, each checked to be one this server can match. */
  private static List<String> patterns(String value) throws Refused {
    List<String> out = new ArrayList<>();
    for (String raw : value.split(",", -1)) {
      String p = raw.trim();
      String bare = p.startsWith("!") ? p.substring(1) : p;
      if (bare.isEmpty()) {
        throw new Refused("from=\"" + clip(value) + "\" has an empty pattern");
      }
      int slash = bare.indexOf('/');
      boolean ok;
      if (slash >= 0) {
        InetAddress net = literal(bare.substring(0, slash));
        String bits = bare.substring(slash + 1);
        ok = net != null && bits.matches("\\d{1,3}")
            && Integer.parseInt(bits) <= 8 * net.getAddress().length;
      } else {
        ok = bare.equals("*") || (IPV4_WILDCARD.matcher(bare).matches() && bare.indexOf('.') >= 0)
            || IPV6_WILDCARD.matcher(bare).matches();
        if (ok && bare.indexOf('*') < 0 && bare.indexOf('?') < 0) {
          ok = literal(bare) != null;
        }
      }
      if (!ok) {
        throw new Refused("from=\"" + clip(value) + "\": \"" + clip(bare) + "\" is not an"
            + " address pattern; coach serve matches the client's address only (write an address,"
            + " a wildcard such as 192.168.1.* or a block such as 192.168.1.0/24), never a host"
            + " name");
      }
      out.add(p);
    }
    return List.copyOf(out);
  }

  /** expiry-time: YYYYMMDD, YYYYMMDDHHMM or YYYYMMDDHHMMSS, in {@code zone} unless it ends in Z. */
  private static Instant expiry(String value, ZoneId zone) throws Refused {
    var m = EXPIRY.matcher(value.trim());
    if (m.matches()) {
      String digits = m.group(1) + (m.group(2) == null ? "0000" : m.group(2));
      if (m.group(3) == null) {
        digits += "00";
      }
      try {
        LocalDateTime t = LocalDateTime.of(Integer.parseInt(digits.substring(0, 4)),
            Integer.parseInt(digits.substring(4, 6)), Integer.parseInt(digits.substring(6, 8)),
            Integer.parseInt(digits.substring(8, 10)), Integer.parseInt(digits.substring(10, 12)),
            Integer.parseInt(digits.substring(12, 14)));
        return t.atZone(m.group(4).isEmpty() ? zone : ZoneOffset.UTC).toInstant();
      } catch (DateTimeException e) {
        // not a real date: said below
      }
    }
    throw new Refused("expiry-time=\"" + clip(value) + "\" is not a time; write YYYYMMDD,"
        + " YYYYMMDDHHMM or YYYYMMDDHHMMSS, with Z at the end for UTC");
  }

  private static String clip(String s) {
    return coach.routine.Printable.of(s.length() > 60 ? s.substring(0, 60) + "..." : s);
  }
}
