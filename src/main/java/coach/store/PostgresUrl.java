package coach.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Where a PostgreSQL history is: {@code postgresql://USER@HOST:PORT/DATABASE} (the form psql and
 * libpq take, also {@code postgres://}) or a {@code jdbc:postgresql:} URL. The password is never
 * part of it: it comes from {@code PGPASSWORD} or the password file ({@code ~/.pgpass}, or
 * {@code PGPASSFILE}), as for every PostgreSQL tool.
 */
public final class PostgresUrl {
  private final String jdbcUrl;
  private final String user;
  private final String shown;

  private PostgresUrl(String jdbcUrl, String user, String shown) {
    this.jdbcUrl = jdbcUrl;
    this.user = user;
    this.shown = shown;
  }

  /** Whether the text names a PostgreSQL history rather than something else. */
  public static boolean looksLikeOne(String url) {
    String u = url.toLowerCase(Locale.ROOT);
    return u.startsWith("postgresql://") || u.startsWith("postgres://")
        || u.startsWith("jdbc:postgresql:");
  }

  /**
   * Reads a URL; the user defaults to {@code PGUSER}, then the login name.
   *
   * @throws IllegalArgumentException with a one-line message saying what was expected
   */
  public static PostgresUrl parse(String url, Map<String, String> env) {
    String expected = "expected postgresql://USER@HOST:PORT/DATABASE or a jdbc:postgresql: URL";
    if (!looksLikeOne(url)) {
      throw new IllegalArgumentException(expected);
    }
    String defaultUser = env.getOrDefault("PGUSER", System.getProperty("user.name", "coach"));
    if (url.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:")) {
      // user:password@ before the host, which the driver would take as part of the host name
      if (url.toLowerCase(Locale.ROOT).matches(".*[?&](ssl)?password=.*")
          || url.matches("(?i)jdbc:postgresql://[^/?@]*:[^/?@]*@.*")) {
        throw new IllegalArgumentException("a password does not belong in the URL: put it in"
            + " PGPASSWORD or ~/.pgpass");
      }
      String user = query(url, "user");
      return new PostgresUrl(url, user == null ? defaultUser : user,
          url.replaceFirst("^jdbc:", ""));
    }
    URI u;
    try {
      u = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(expected + " (" + e.getReason() + ")");
    }
    if (u.getHost() == null || u.getHost().isEmpty()) {
      throw new IllegalArgumentException(expected + " (no host)");
    }
    String info = u.getRawUserInfo();
    if (info != null && info.contains(":")) {
      throw new IllegalArgumentException("a password does not belong in the URL: put it in"
          + " PGPASSWORD or ~/.pgpass");
    }
    String user = info == null || info.isEmpty() ? defaultUser : u.getUserInfo();
    String path = u.getPath() == null ? "" : u.getPath().replaceFirst("^/", "");
    String db = path.isEmpty() ? user : path;
    if (db.contains("/")) {
      throw new IllegalArgumentException(expected + " (one database name after the host)");
    }
    String hostPort = u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "");
    String q = u.getRawQuery() == null ? "" : "?" + u.getRawQuery();
    if (q.toLowerCase(Locale.ROOT).matches(".*[?&](ssl)?password=.*")) {
      throw new IllegalArgumentException("a password does not belong in the URL: put it in"
          + " PGPASSWORD or ~/.pgpass");
    }
    return new PostgresUrl("jdbc:postgresql://" + hostPort + "/" + db + q, user,
        "postgresql://" + user + "@" + hostPort + "/" + db);
  }

  private static String query(String url, String key) {
    int at = url.indexOf('?');
    if (at < 0) {
      return null;
    }
    for (String kv : url.substring(at + 1).split("&")) {
      int eq = kv.indexOf('=');
      if (eq > 0 && kv.substring(0, eq).equalsIgnoreCase(key)) {
        return kv.substring(eq + 1);
      }
    }
    return null;
  }

  /** The driver's URL. */
  public String jdbcUrl() {
    return jdbcUrl;
  }

  public String user() {
    return user;
  }

  /** The connection's properties: the user, and the password when PGPASSWORD gives one. */
  Properties properties(Map<String, String> env) {
    Properties p = new Properties();
    p.setProperty("user", user);
    String password = env.get("PGPASSWORD");
    if (password != null && !password.isEmpty()) {
      p.setProperty("password", password);
    }
    p.setProperty("ApplicationName", "rehab-coach");
    return p;
  }

  /** The URL as messages show it: never with a password. */
  @Override
  public String toString() {
    return shown;
  }
}
