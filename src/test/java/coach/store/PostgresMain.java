package coach.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;

/**
 * A PostgreSQL server from the test binaries, for trying the coach by hand and for the bench:
 * {@code PostgresMain DATA_DIR PORT} starts it (keeping its data in DATA_DIR between starts),
 * prints "ready postgresql://postgres@localhost:PORT/postgres" and runs until killed.
 */
public final class PostgresMain {
  private PostgresMain() {}

  public static void main(String[] args) throws Exception {
    EmbeddedPostgres pg = TestPostgres.start(Path.of(args[0]), Integer.parseInt(args[1]));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        pg.close();
      } catch (java.io.IOException ignored) {
        // stopping anyway
      }
    }));
    System.out.println("ready postgresql://postgres@localhost:" + pg.getPort() + "/postgres");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
