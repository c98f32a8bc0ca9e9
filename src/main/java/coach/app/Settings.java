package coach.app;

import coach.routine.FileText;
import coach.routine.Problem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The person's own settings, in {@code DATA_DIR/settings}: lines of {@code name = value}, with
 * {@code #} comments. {@code speak = yes} says the cues aloud as {@code --speak} does (on this
 * computer's own terminal; not over SSH, where the voice would be the server's);
 * {@code alert-command = CMD} hands each new alert for the clinician to CMD, as
 * {@code --alert-command} does.
 * A missing file means the defaults; a wrong line is a problem at its line and column.
 *
 * @param speak say the cues aloud
 * @param alertCommand the clinic's command that each new alert is handed to (see
 *     {@link AlertDelivery}), or null
 */
public record Settings(boolean speak, String alertCommand) {
  /** The file's name in the data folder. */
  public static final String FILE = "settings";
  private static final long MAX_BYTES = 64 * 1024;

  /** What reading the settings gave: the settings, or every problem. */
  public record Loaded(Settings settings, List<Problem> problems) {
    public Loaded {
      problems = List.copyOf(problems);
    }

    public boolean ok() {
      return problems.isEmpty();
    }
  }

  public static Settings defaults() {
    return new Settings(false, null);
  }

  /** Reads {@code DATA_DIR/settings}; the defaults when there is no such file. */
  public static Loaded load(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return new Loaded(defaults(), List.of());
    }
    FileText.Read read = FileText.read(file, MAX_BYTES);
    if (read.problem() != null) {
      return new Loaded(null, List.of(read.problem()));
    }
    Problem text = FileText.scan(file.toString(), read.bytes());
    if (text != null) {
      return new Loaded(null, List.of(text));
    }
    Loaded loaded = parse(file.toString(), new String(read.bytes(), StandardCharsets.UTF_8));
    if (loaded.ok() && loaded.settings().alertCommand() != null) {
      String untrusted = untrusted(file);
      if (untrusted != null) {
        return new Loaded(null, List.of(new Problem(file.toString(), 1, 1, untrusted)));
      }
    }
    return loaded;
  }

  /**
   * Why a settings file that names a command to run cannot be trusted with it, as OpenSSH
   * judges its own files: owned by another user (root aside), or writable by its group or by
   * anyone, or in a folder others may write to; null when it can be trusted.
   */
  static String untrusted(Path file) {
    try {
      String me = System.getProperty("user.name");
      for (Path p : List.of(file, file.toAbsolutePath().getParent())) {
        java.nio.file.attribute.PosixFileAttributes a = Files.readAttributes(p,
            java.nio.file.attribute.PosixFileAttributes.class,
            java.nio.file.LinkOption.NOFOLLOW_LINKS);
        String owner = a.owner().getName();
        java.util.Set<java.nio.file.attribute.PosixFilePermission> perms = a.permissions();
        String what = p.equals(file) ? "it" : "its folder";
        if (!owner.equals(me) && !owner.equals("root")) {
          return "names a command to run (alert-command), but " + what + " belongs to " + owner
              + ", not to " + me + " or root; the command is not run";
        }
        boolean group = perms.contains(java.nio.file.attribute.PosixFilePermission.GROUP_WRITE);
        boolean others = perms.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE);
        if (group || others) {
          return "names a command to run (alert-command), but " + what + " can be changed by "
              + (others ? "any user" : "its group") + " (chmod go-w " + p
              + "); the command is not run";
        }
      }
      return null;
    } catch (UnsupportedOperationException e) {
      return null; // no owners or modes on this file system: nothing to judge by
    } catch (java.io.IOException e) {
      return "names a command to run (alert-command), but who may change it cannot be told";
    }
  }

  /** Reads settings text; {@code name} names it in problems. */
  static Loaded parse(String name, String text) {
    List<Problem> problems = new ArrayList<>();
    boolean speak = false;
    String alertCommand = null;
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      int col = lines[i].indexOf(line.charAt(0)) + 1;
      if (eq < 0) {
        problems.add(new Problem(name, i + 1, col, "expected a setting as name = value, such"
            + " as speak = yes"));
        continue;
      }
      String key = line.substring(0, eq).strip();
      String value = line.substring(eq + 1).strip().toLowerCase(Locale.ROOT);
      if (key.equals("alert-command")) {
        if (alertCommand != null) {
          problems.add(new Problem(name, i + 1, col, "alert-command is set twice; keep one"
              + " line, so it is clear which command is run"));
        }
        alertCommand = line.substring(eq + 1).strip();
        if (alertCommand.isEmpty()) {
          problems.add(new Problem(name, i + 1, lines[i].indexOf('=') + 2,
              "alert-command needs a command, such as alert-command = /usr/local/bin/page-clinic"));
        }
        continue;
      }
      if (!key.equals("speak")) {
        problems.add(new Problem(name, i + 1, col, "unknown setting \"" + key
            + "\"; the settings are speak and alert-command"));
        continue;
      }
      switch (value) {
        case "yes", "true", "on" -> speak = true;
        case "no", "false", "off" -> speak = false;
        default -> problems.add(new Problem(name, i + 1, lines[i].indexOf('=') + 2,
            "speak is yes or no, not \"" + value + "\""));
      }
    }
    return problems.isEmpty() ? new Loaded(new Settings(speak, alertCommand), problems)
        : new Loaded(null, problems);
  }
}
