package coach.store;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The native library comes from the cache folder, unpacked once, not from /tmp each start. */
@EnabledOnOs(OS.LINUX)
class SqliteNativeTest {
  @TempDir Path tmp;

  /** Opens a history and prints which sqlitejdbc library the process mapped. */
  public static final class Child {
    public static void main(String[] args) throws Exception {
      try (SqliteHistoryStore s = SqliteHistoryStore.open(Path.of(args[0]))) {
        s.patients();
        Files.readAllLines(Path.of("/proc/self/maps")).stream()
            .filter(l -> l.contains("sqlitejdbc")).map(l -> l.substring(l.lastIndexOf(' ') + 1))
            .distinct().forEach(System.out::println);
      }
    }
  }

  private String child(Path nativeDir, Path tmpDir, int n) throws Exception {
    Files.createDirectories(tmpDir);
    List<String> cmd = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djava.io.tmpdir=" + tmpDir));
    if (nativeDir != null) {
      cmd.add("-Dcoach.native.dir=" + nativeDir);
    }
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Child.class.getName(),
        tmp.resolve("history" + n + ".db").toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, out);
    return out;
  }

  @Test
  void loadedFromTheCacheFolderAndUnpackedOnce() throws Exception {
    Path cache = tmp.resolve("native");
    String first = child(cache, tmp.resolve("t1"), 1);
    assertTrue(first.startsWith(cache.toString()), "mapped from the cache: " + first);
    Path lib = Path.of(first.lines().findFirst().orElseThrow());
    long made = Files.getLastModifiedTime(lib).toMillis();
    String second = child(cache, tmp.resolve("t2"), 2);
    assertTrue(second.equals(first), second);
    assertTrue(Files.getLastModifiedTime(lib).toMillis() == made, "not unpacked again");
    // without a cache folder the driver unpacks into the temporary folder, as it always did
    String plain = child(null, tmp.resolve("t3"), 3);
    assertTrue(plain.startsWith(tmp.resolve("t3").toString()), plain);
  }

  @Test
  void theFolderIsFoundWithoutTheDriversProbeAndIsTheOneItWouldChoose() {
    String ours = SqliteNative.knownFolder();
    if (ours != null) { // a common platform: the same answer, without a child process
      org.junit.jupiter.api.Assertions.assertEquals(
          org.sqlite.util.OSInfo.getNativeLibFolderPathForCurrentOS(), ours);
    }
  }
}
