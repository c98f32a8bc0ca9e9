package coach.tui.view;

import com.googlecode.lanterna.screen.Screen;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Golden screens: a screen as the text a person reads, and its comparison with the screen kept
 * in {@code src/test/resources/golden}. A screen that differs is written beside it as
 * {@code NAME.txt.new}, never over it: a person reads it before accepting it
 * ({@code scripts/goldens review}, then {@code accept}); {@code -Dgolden.update=true} writes every
 * differing screen as {@code .new} without failing.
 */
public final class Goldens {
  public static final Path DIR = Path.of("src/test/resources/golden");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  private Goldens() {}

  /** The screen's front buffer as lines of text, trailing spaces trimmed, each ending in \n. */
  public static String text(Screen screen, int cols, int rows) {
    List<String> lines = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      StringBuilder sb = new StringBuilder();
      for (int c = 0; c < cols; c++) {
        var ch = screen.getFrontCharacter(c, r);
        sb.append(ch == null ? " " : ch.getCharacterString());
        if (ch != null && ch.isDoubleWidth()) {
          c++;
        }
      }
      lines.add(sb.toString().replaceAll("\\s+$", ""));
    }
    return String.join("\n", lines) + "\n";
  }

  /** Fails unless {@code actual} is the golden screen {@code name}, writing it as .new if not. */
  public static void check(String name, String actual) throws IOException {
    Path file = DIR.resolve(name + ".txt");
    Path proposed = DIR.resolve(name + ".txt.new");
    String old = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
    if (actual.equals(old)) {
      Files.deleteIfExists(proposed);
      return;
    }
    // never overwritten here: a person reads the new screen before accepting it
    Files.writeString(proposed, actual, StandardCharsets.UTF_8);
    if (!UPDATE) {
      throw new AssertionError((old == null ? "no golden screen yet for " : "the screen differs"
          + " from its golden: ") + name + "; written to " + proposed + " (scripts/goldens"
          + " review, then scripts/goldens accept " + name + ")\n" + actual);
    }
  }
}
