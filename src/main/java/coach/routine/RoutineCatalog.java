package coach.routine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds routines: the bundled ones (inside the program) and those in the user's routines folder
 * ({@code DATA_DIR/routines}). {@code NAME|FILE}: a path that exists, or a name ending in
 * .yaml/.yml/.json, is a file; otherwise a bundled routine, then the user's folder.
 */
public final class RoutineCatalog {
  /** The routines that ship with the coach (template.yaml is a starting point, not a routine). */
  public static final List<String> BUNDLED = List.of("sciatica");

  private final RoutineLoader loader = new RoutineLoader();
  private final Path userFolder;
  private final Path workDir;

  public RoutineCatalog(Path userFolder, Path workDir) {
    this.userFolder = userFolder;
    this.workDir = workDir;
  }

  /** A routine found by name or path, listed with where it came from. */
  public record Entry(String name, String source, LoadResult result) {}

  public LoadResult find(String which) {
    return load(source(which));
  }

  /**
   * A routine's bytes as found by name or path, not parsed yet (a session's first frame can be
   * drawn from what was cached for the same bytes while they are parsed): {@code label} names it
   * in problems, and a source that cannot be read carries its result instead.
   */
  public record Source(String label, byte[] bytes, boolean asJson, LoadResult failed) {
    /** A short key for these exact bytes and name: the name, the length and a CRC-32C. */
    public String key() {
      java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
      crc.update(bytes == null ? new byte[0] : bytes);
      return label + "|" + (bytes == null ? -1 : bytes.length) + "|"
          + Long.toHexString(crc.getValue());
    }
  }

  /** Finds and reads a routine, as {@link #find} does, without parsing it. */
  public Source source(String which) {
    Path asPath = workDir.resolve(which);
    String lower = which.toLowerCase(Locale.ROOT);
    boolean looksLikeFile = lower.endsWith(".yaml") || lower.endsWith(".yml")
        || lower.endsWith(".json") || which.contains("/");
    if (looksLikeFile || Files.exists(asPath)) {
      // named as the user wrote it, read relative to the working folder
      return Path.of(which).isAbsolute() ? file(Path.of(which), which)
          : file(asPath, which);
    }
    if (BUNDLED.contains(which)) {
      return bundledSource(which);
    }
    for (String ext : new String[] {".yaml", ".yml", ".json"}) {
      Path p = userFolder.resolve(which + ext);
      if (Files.isRegularFile(p)) {
        return file(p, p.toString());
      }
    }
    // a routine in the user's folder is found by its id too, whatever its file is called
    List<Path> withId = new ArrayList<>();
    for (Path p : userFiles()) {
      LoadResult r = loader.load(p);
      if (r.ok() && r.routine().id().equals(which)) {
        withId.add(p);
      }
    }
    if (withId.size() == 1) {
      return file(withId.get(0), withId.get(0).toString());
    }
    if (withId.size() > 1) {
      return new Source(which, null, false, new LoadResult(which, null, List.of(new Problem(
          which, 0, 0, "more than one routine has the id \"" + which + "\" ("
              + String.join(", ", withId.stream().map(Path::toString).toList())
              + "); give the file path")), null));
    }
    return new Source(which, null, false, new LoadResult(which, null, List.of(new Problem(which,
        0, 0, "no routine by that name; see 'coach list' for the routines there are, or give a"
            + " file path")), null));
  }

  /** Parses and checks a source's bytes. */
  public LoadResult load(Source source) {
    return source.failed() != null ? source.failed()
        : loader.parse(source.label(), source.bytes(), source.asJson());
  }

  private static Source file(Path path, String label) {
    FileText.Read read = FileText.read(path, RoutineLoader.MAX_BYTES);
    if (read.problem() != null) {
      LoadResult r = new LoadResult(path.toString(), null, List.of(read.problem()), null);
      return new Source(label, null, false, relabel(r, path.toString(), label));
    }
    return new Source(label, read.bytes(), RoutineLoader.isJson(label), null);
  }

  private static LoadResult relabel(LoadResult r, String from, String to) {
    List<Problem> ps = new ArrayList<>();
    for (Problem p : r.problems()) {
      ps.add(new Problem(p.file().equals(from) ? to : p.file(), p.line(), p.column(),
          p.message()));
    }
    return new LoadResult(to, r.routine(), ps, r.sha256());
  }

  public LoadResult bundled(String name) {
    return load(bundledSource(name));
  }

  private static Source bundledSource(String name) {
    String resource = "/routines/" + name + ".yaml";
    try (InputStream in = RoutineCatalog.class.getResourceAsStream(resource)) {
      if (in == null) {
        return new Source(name, null, false, new LoadResult(name, null, List.of(new Problem(name,
            0, 0, "the bundled routine is missing from this build")), null));
      }
      return new Source(name + ".yaml", in.readAllBytes(), false, null);
    } catch (IOException e) {
      return new Source(name, null, false, new LoadResult(name, null, List.of(new Problem(name,
          0, 0, "the bundled routine cannot be read: " + e.getMessage())), null));
    }
  }

  /** The routine files in the user's folder, by name (none when it cannot be read). */
  private List<Path> userFiles() {
    List<Path> files = new ArrayList<>();
    if (!Files.isDirectory(userFolder)) {
      return files;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(userFolder,
        "*.{yaml,yml,json}")) {
      ds.forEach(p -> {
        if (Files.isRegularFile(p)) {
          files.add(p);
        }
      });
    } catch (IOException e) {
      return files;
    }
    files.sort(null);
    return files;
  }

  /** Every bundled routine, then every routine file in the user's folder, loaded and checked. */
  public List<Entry> list() throws IOException {
    List<Entry> out = new ArrayList<>();
    for (String name : BUNDLED) {
      out.add(new Entry(name, "bundled", bundled(name)));
    }
    if (Files.isDirectory(userFolder)) {
      for (Path p : userFiles()) {
        String n = p.getFileName().toString();
        out.add(new Entry(n.substring(0, n.lastIndexOf('.')), p.toString(), loader.load(p)));
      }
    }
    return out;
  }
}
