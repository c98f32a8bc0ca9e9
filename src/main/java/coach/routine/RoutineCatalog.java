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
    Path asPath = workDir.resolve(which);
    String lower = which.toLowerCase(Locale.ROOT);
    boolean looksLikeFile = lower.endsWith(".yaml") || lower.endsWith(".yml")
        || lower.endsWith(".json") || which.contains("/");
    if (looksLikeFile || Files.exists(asPath)) {
      // named as the user wrote it, read relative to the working folder
      return Path.of(which).isAbsolute() ? loader.load(Path.of(which))
          : relabel(loader.load(asPath), asPath.toString(), which);
    }
    if (BUNDLED.contains(which)) {
      return bundled(which);
    }
    for (String ext : new String[] {".yaml", ".yml", ".json"}) {
      Path p = userFolder.resolve(which + ext);
      if (Files.isRegularFile(p)) {
        return loader.load(p);
      }
    }
    return new LoadResult(which, null, List.of(new Problem(which, 0, 0,
        "no routine by that name; see 'coach list' for the routines there are, or give a"
            + " file path")), null);
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
    String resource = "/routines/" + name + ".yaml";
    try (InputStream in = RoutineCatalog.class.getResourceAsStream(resource)) {
      if (in == null) {
        return new LoadResult(name, null, List.of(new Problem(name, 0, 0,
            "the bundled routine is missing from this build")), null);
      }
      return loader.parse(name + ".yaml", in.readAllBytes(), false);
    } catch (IOException e) {
      return new LoadResult(name, null, List.of(new Problem(name, 0, 0,
          "the bundled routine cannot be read: " + e.getMessage())), null);
    }
  }

  /** Every bundled routine, then every routine file in the user's folder, loaded and checked. */
  public List<Entry> list() throws IOException {
    List<Entry> out = new ArrayList<>();
    for (String name : BUNDLED) {
      out.add(new Entry(name, "bundled", bundled(name)));
    }
    if (Files.isDirectory(userFolder)) {
      List<Path> files = new ArrayList<>();
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(userFolder,
          "*.{yaml,yml,json}")) {
        ds.forEach(files::add);
      }
      files.sort(null);
      for (Path p : files) {
        String n = p.getFileName().toString();
        out.add(new Entry(n.substring(0, n.lastIndexOf('.')), p.toString(), loader.load(p)));
      }
    }
    return out;
  }
}
