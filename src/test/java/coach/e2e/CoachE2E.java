package coach.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The built program in a real terminal (tmux): whole sessions, signals, hostile routines. */
@Tag("e2e")
@Timeout(120)
class CoachE2E {
  private static final Path ROOT = Path.of("").toAbsolutePath();
  private static final Path JAR = ROOT.resolve("target/rehab-coach.jar");

  @TempDir Path tmp;

  @BeforeAll
  static void built() {
    assertTrue(Files.exists(JAR), "run after 'mvn package': " + JAR);
  }

  private String coach(String args) {
    return "java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar " + JAR + " " + args
        + " --data-dir " + tmp.resolve("data");
  }

  /**
   * The coach as its launcher starts it: the terminal's settings and size read by the shell and
   * handed over in COACH_TTY, so the keys' settings are made while the first frame is drawn.
   */
  private String launched(String args) {
    return "COACH_TTY=\"$(stty -g && stty size)\" " + coach(args);
  }

  /** The shell printed the exit status (not just echoed the command line). */
  private static final java.util.function.Predicate<String> EXITED =
      s -> java.util.regex.Pattern.compile("(?m)^EXIT=\\d+").matcher(s).find();

  /** The shell printed exactly this exit status on a line of its own. */
  private static boolean exitShown(String screen, int status) {
    return java.util.regex.Pattern.compile("(?m)^EXIT=" + status + "$").matcher(screen).find();
  }

  private static String afterRun(String shell) {
    return shell + "; echo EXIT=$?; stty -a > stty.txt";
  }

  private String stty() throws IOException {
    return Files.readString(tmp.resolve("stty.txt"), StandardCharsets.UTF_8);
  }

  /** Sane line settings and the main screen back. */
  private void assertTerminalRestored(Tmux t) throws Exception {
    t.waitFor(EXITED, 10_000, "the program to exit");
    long end = System.currentTimeMillis() + 5000;
    while (!Files.exists(tmp.resolve("stty.txt")) || stty().isEmpty()) {
      assertTrue(System.currentTimeMillis() < end, "stty did not run");
      Thread.sleep(50);
    }
    java.util.Set<String> flags =
        new java.util.HashSet<>(java.util.List.of(stty().split("[\\s;]+")));
    for (String flag : new String[] {"icanon", "echo", "isig", "icrnl", "opost"}) {
      assertTrue(flags.contains(flag) && !flags.contains("-" + flag), flag + " in " + stty());
    }
    assertTrue(t.screen().contains("$ "), "the shell's screen is back:\n" + t.screen());
  }

  private long javaPid() throws Exception {
    // the java process itself, not a shell whose command line names it
    Process p = new ProcessBuilder("pgrep", "-f", "^java .*rehab-coach.jar.*" + tmp).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    p.waitFor(5, TimeUnit.SECONDS);
    assertFalse(out.isEmpty(), "the coach is not running");
    return Long.parseLong(out.lines().findFirst().orElseThrow().trim());
  }

  private int count(String sql) throws Exception {
    return Proc.count(tmp.resolve("data/history.db"), sql);
  }

  @Test
  void theCloneLauncherWorksThroughALinkOnThePath(@org.junit.jupiter.api.io.TempDir Path bin)
      throws Exception {
    Path link = bin.resolve("coach");
    java.nio.file.Files.createSymbolicLink(link, ROOT.resolve("scripts/coach"));
    Process p = new ProcessBuilder(link.toString(), "--help").directory(bin.toFile())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), out);
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("validate"), out);
    assertFalse(out.contains("POM"), out);
  }

  @Test
  void aWholeSessionWithOnlyTheFooterKeys() throws Exception {
    try (Tmux t = new Tmux(80, 24, tmp)) {
      t.line(afterRun(launched("--pace 400 --patient e2e")));
      t.waitFor("Press Enter to begin", 20_000);
      t.keys("Enter");
      int checks = t.walkToSummary();
      String summary = t.waitFor("Session summary", 30_000);
      assertTrue(summary.contains("Hip CARs"), summary);
      t.keys("Enter");
      assertTerminalRestored(t);
      assertTrue(t.screen().contains("EXIT=0"), t.screen());
      // baseline + 9 + 6 + 6 + 8 set checks
      assertEquals(30, checks);
      assertEquals(30, count("SELECT count(*) FROM ratings"));
      assertEquals(1, count("SELECT count(*) FROM sessions WHERE outcome = 'COMPLETED'"));
    }
  }

  /**
   * A terminal that claims a window far larger than anything drawn (stty cols 30000 rows
   * 30000) is asked, on its first rows, for a smaller window: no screen of its size is made, so
   * the session does not end in an error. When the window changes to an ordinary size the
   * session goes on, and ends as usual with the terminal restored.
   */
  @Test
  void aHugeWindowIsAskedToGetSmallerAndTheSessionGoesOnWhenItIs() throws Exception {
    try (Tmux t = new Tmux(80, 24, tmp)) {
      t.line(afterRun("stty cols 30000 rows 30000; " + launched("--patient e2e")));
      t.waitFor("Please make the window smaller", 20_000);
      assertFalse(t.screen().contains("rror"), t.screen());
      t.resize(90, 26); // the window changes: the terminal's real size again
      toStartingRating(t);
      t.keys("q", "y", "Enter"); // quit, then leave the summary
      assertTerminalRestored(t);
      assertTrue(exitShown(t.screen(), 0), t.screen());
    }
    assertEquals(1, count("SELECT count(*) FROM sessions WHERE outcome = 'QUIT'"));
  }

  /**
   * From the first screen to the starting rating: Enter, then no to the questions before a
   * first session and to the four safety questions.
   */
  private static void toStartingRating(Tmux t) throws Exception {
    t.waitFor("Press Enter to begin", 20_000);
    t.keys("Enter");
    t.noToStartQuestions();
    t.waitFor("does it hurt", 5000);
  }

  /**
   * From the first screen to the first exercise: the starting rating's keys (and any that follow
   * it) after {@link #toStartingRating}, until the exercise is on screen.
   */
  private static void toFirstExercise(Tmux t, String... ratingKeys) throws Exception {
    toStartingRating(t);
    t.keys(ratingKeys);
    t.waitFor("Cat/Camel series", 5000);
  }

  private void kill(String signal) throws Exception {
    new ProcessBuilder("kill", signal, Long.toString(javaPid())).start().waitFor();
  }

  /**
   * Ctrl+C asks; Ctrl+Z and Ctrl+\\ neither stop the coach with its screen taken over nor make
   * the JVM print its threads on it; SIGTERM restores the terminal, those keys' own meanings
   * included.
   */
  @Test
  void ctrlCAsksInsteadOfKillingAndSigtermRestoresTheTerminal() throws Exception {
    try (Tmux t = new Tmux(80, 24, tmp)) {
      t.line(afterRun(coach("--pace 1")));
      t.waitFor("Press Enter to begin", 20_000);
      t.keys("C-z");
      t.keys("C-\\");
      t.keys("C-c"); // answered only by a coach still running in the foreground
      t.waitFor("End the session now?", 5000);
      t.keys("n");
      t.waitFor(s -> !s.contains("End the session now?"), 5000, "the dialog to close");
      t.resize(60, 20);
      t.waitFor(s -> s.lines().anyMatch(l -> l.contains("Enter start")), 5000, "redraw");
      kill("-TERM");
      assertTerminalRestored(t);
      assertTrue(stty().contains("susp = ^Z") && stty().contains("quit = ^\\"), stty());
      assertFalse(t.screen().contains("Stopped") || t.screen().contains("Full thread dump"),
          t.screen());
      // 128 + 15, as a shell reports a process that SIGTERM ended
      assertTrue(exitShown(t.screen(), 143), t.screen());
      assertEquals(1, count("SELECT count(*) FROM sessions WHERE outcome = 'INTERRUPTED'"));
    }
  }

  @Test
  void sighupAndSigintSaveTheSessionAndExitWithTheirOwnStatus() throws Exception {
    try (Tmux t = new Tmux(80, 24, tmp)) {
      t.line(afterRun(launched("--pace 1 --patient hup")));
      t.waitFor("Press Enter to begin", 20_000);
      t.keys("Enter");
      t.waitFor("Before your first session (1 of 6)", 5000);
      kill("-HUP");
      assertTerminalRestored(t);
      assertTrue(exitShown(t.screen(), 129), "128 + 1 for SIGHUP:\n" + t.screen());
      assertEquals(1, count("SELECT count(*) FROM sessions WHERE patient = 'hup'"
          + " AND outcome = 'INTERRUPTED'"));

      Files.delete(tmp.resolve("stty.txt"));
      t.line("clear; " + afterRun(coach("--pace 1 --patient int")));
      t.waitFor("Press Enter to begin", 20_000);
      kill("-INT");
      assertTerminalRestored(t);
      assertTrue(exitShown(t.screen(), 130), "128 + 2 for SIGINT:\n" + t.screen());
      assertEquals(1, count("SELECT count(*) FROM sessions WHERE patient = 'int'"
          + " AND outcome = 'INTERRUPTED'"));
    }
  }

  @Test
  void killMinusNineLosesNoConfirmedRatingAndTheNextStartOffersToResume() throws Exception {
    try (Tmux t = new Tmux(80, 24, tmp)) {
      t.line(coach("--pace 50 --patient k9") + "; echo EXIT=$?; stty sane");
      toFirstExercise(t, "3", "Down", "Enter");
      t.keys("Enter");
      t.waitFor("How much does it hurt right now", 20_000);
      t.keys("3", "Enter");
      t.waitFor("Rep ", 10_000);
      new ProcessBuilder("kill", "-KILL", Long.toString(javaPid())).start().waitFor();
      t.waitFor(x -> x.contains("\nEXIT=137"), 5000, "exit 137");
      assertEquals(2, count("SELECT count(*) FROM ratings"));
      t.line("clear; " + coach("--pace 50 --patient k9"));
      t.waitFor("Press Enter to begin", 20_000);
      t.keys("Enter");
      String s = t.waitFor("Welcome back", 5000);
      assertTrue(s.contains("Continue at Cat/Camel series, set 1 of 3"), s);
      t.keys("q", "y", "Enter"); // quit, then leave the summary
    }
  }

  @Test
  void aDroppedTerminalSavesTheSessionAndLeavesNoProcess() throws Exception {
    Tmux t = new Tmux(80, 24, tmp);
    // the status outlives the terminal in a file: the shell that writes it survives the hang-up
    // (its trap is reset for the coach, which gets the SIGHUP as usual)
    t.line("bash -c 'trap true HUP; " + coach("--pace 1 --patient hup")
        + "; echo $? > exit.txt'");
    toStartingRating(t);
    t.keys("6", "Down", "Enter"); // above the ceiling: the gentle session, all easiest
    t.gentleSessionAfterHighStart();
    t.waitFor("Cat/Camel series", 5000);
    long pid = javaPid();
    t.close(); // the terminal goes away: SIGHUP
    long end = System.currentTimeMillis() + 10_000;
    while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      assertTrue(System.currentTimeMillis() < end, "the coach is still running after SIGHUP");
      Thread.sleep(50);
    }
    Path status = tmp.resolve("exit.txt");
    while (!Files.exists(status) || Files.readString(status).isBlank()) {
      assertTrue(System.currentTimeMillis() < end, "no exit status was written");
      Thread.sleep(50);
    }
    assertEquals("129", Files.readString(status).trim(), "128 + 1, as for SIGHUP");
    assertEquals(1, count("SELECT count(*) FROM ratings WHERE value = 6"));
    assertEquals(1, count("SELECT count(*) FROM sessions WHERE outcome = 'INTERRUPTED'"));
  }

  @Test
  void langEsOrASpanishLocaleGiveSpanishScreensWhileTheRoutineKeepsItsWords() throws Exception {
    try (Tmux t = new Tmux(80, 24, tmp)) {
      t.line(coach("--lang es --pace 400 --patient es-1") + "; echo EXIT=$?");
      t.waitFor("Pulse Intro para empezar", 20_000);
      t.keys("Enter");
      t.waitFor("Antes de su primera sesi\u00f3n (1 de 6)", 5000);
      String s = t.noToStartQuestionsUntil("Preguntas de seguridad (1 de 4)");
      assertTrue(s.contains("bowel or bladder"), "the routine's own question: " + s);
      t.keys("q");
      t.waitFor("Terminar la sesi", 5000);
      t.keys("y");
      t.waitFor("Resumen:", 5000);
      t.keys("Enter");
      t.waitFor(EXITED, 10_000, "the program to exit");
      assertTrue(exitShown(t.screen(), 0), t.screen());
      // the locale chooses too, and --lang xx is refused in one line
      t.line("LC_ALL=es_ES.UTF-8 " + coach("--pace 400 --patient es-2") + "; echo EXIT2=$?");
      t.waitFor("Pulse Intro para empezar", 20_000);
      t.keys("q", "y");
      t.waitFor("Resumen:", 5000);
      t.keys("Enter");
      t.waitFor("EXIT2=0", 10_000);
      t.line(coach("--lang xx") + "; echo EXIT3=$?");
      String refused = t.waitFor(x -> x.matches("(?s).*\\nEXIT3=\\d.*"), 20_000,
          "the refusal");
      assertTrue(refused.contains("coach: --lang takes en or es, not \"xx\""), refused);
      assertTrue(refused.contains("EXIT3=2"), refused);
    }
  }

  @Test
  void escapeSequencesInARoutineNeverReachTheScreen() throws Exception {
    String base = Files.readString(ROOT.resolve("src/test/resources/routines/good/minimal.yaml"));
    // OSC 52 (clipboard), CSI clear-screen and an 8-bit C1 CSI, written as YAML escapes
    Path evil = tmp.resolve("evil.yaml");
    Files.writeString(evil, base.replace("cue: Bend the knee.",
        "cue: \"Bend \\e]52;c;aGVsbG8=\\a the \\e[2J knee \\x9b31m now\""));
    try (Tmux t = new Tmux(80, 24, tmp)) {
      t.line("clear; " + afterRun(coach(evil.toString())));
      String s = t.waitFor(EXITED, 20_000, "the program to exit");
      assertTrue(s.contains("evil.yaml:25:18: \"cue\" contains a control character (U+001B)"),
          s);
      assertTrue(s.contains("EXIT=1"), s);
      assertFalse(s.contains("Exception"), s);
      assertFalse(s.contains("52;c"), s);
    }
  }

  @Test
  void noTerminalOrADumbOneGivesAClearMessage() throws Exception {
    Process p = new ProcessBuilder("java", "-jar", JAR.toString(), "--data-dir",
        tmp.resolve("d").toString()).redirectInput(ProcessBuilder.Redirect.PIPE)
        .redirectErrorStream(true).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(20, TimeUnit.SECONDS));
    assertEquals(3, p.exitValue(), out);
    assertTrue(out.startsWith("coach: the coach needs an interactive terminal"), out);
    try (Tmux t = new Tmux(80, 24, tmp)) {
      t.line(afterRun("TERM=dumb " + coach("")));
      String s = t.waitFor(EXITED, 20_000, "the program to exit");
      assertTrue(s.contains("cannot show the full-screen coach"), s);
      assertTrue(s.contains("EXIT=3"), s);
    }
  }

  /** Sets the running coach's file-size limit (soft), as a full disk or `ulimit -f` would. */
  private void fileSizeLimit(long pid, String bytes) throws Exception {
    Process p = new ProcessBuilder("prlimit", "--pid", Long.toString(pid), "--fsize=" + bytes + ":")
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
  }

  @Test
  void aFullDiskKeepsTheRatingUntilThereIsRoomAndLosesNothing() throws Exception {
    try (Tmux t = new Tmux(80, 24, tmp)) {
      t.line(afterRun(coach("--pace 400 --patient full")));
      toFirstExercise(t, "2", "Down", "Down", "Enter");
      long pid = javaPid();
      java.nio.file.Path wal = tmp.resolve("data/history.db-wal");
      // the history may not grow any more: the next write that needs room fails
      fileSizeLimit(pid, Long.toString(Math.max(1, Files.size(wal))));
      int confirmed = 1;
      String s = "";
      for (int check = 0; check < 12 && !s.contains("Not saved yet"); check++) {
        t.keys("Enter"); // the intro (later: nothing, the set runs on its own)
        int before = check;
        s = t.waitFor(x -> x.contains("How much does it hurt right now")
            || x.contains("Not saved yet"), 20_000, "pain check " + before);
        if (s.contains("Not saved yet")) {
          break;
        }
        t.keys("2", "Enter"); // the number; Enter keeps the symptoms as last time
        confirmed++;
        s = t.waitFor(x -> !x.contains("How much does it hurt right now"), 5000,
            "the check to close");
      }
      String words = s.replaceAll("\\s+", " ");
      assertTrue(words.contains("The disk is full"), s);
      assertTrue(words.contains("could not save a pain rating"), s); // the real cause
      assertEquals(confirmed - 1, count("SELECT count(*) FROM ratings"),
          "everything before the failed one is saved");
      // room again: Enter saves the kept rating, once, and the session goes on
      fileSizeLimit(pid, "unlimited");
      t.keys("Enter");
      t.waitFor(x -> !x.contains("Not saved yet"), 5000, "the box to close once saved");
      assertEquals(confirmed, count("SELECT count(*) FROM ratings"));
      assertEquals(confirmed, count("SELECT count(DISTINCT seq) FROM ratings"));
      t.keys("q", "y", "Enter");
      s = t.waitFor(EXITED, 20_000, "the program to exit");
      assertTrue(s.contains("EXIT=0"), s);
      assertEquals(confirmed, count("SELECT count(*) FROM ratings"));
      assertEquals(1, count("SELECT count(*) FROM sessions WHERE outcome = 'QUIT'"));
    }
  }

  @Test
  void aSecondCoachForTheSamePatientSaysWhereTheFirstRunsAndLeavesItAlone() throws Exception {
    try (Tmux first = new Tmux(80, 24, tmp); Tmux second = new Tmux(80, 24, tmp)) {
      first.line(afterRun(coach("--pace 1 --patient twin")));
      toFirstExercise(first, "2", "Down", "Down", "Enter");
      // the second start draws its welcome from the first's cache before it finds the first
      // running: the refusal still comes in one line on a terminal given back as it was
      assertTrue(Files.isRegularFile(tmp.resolve("data/cache/welcome")), "no welcome cache");
      second.line(afterRun(coach("--pace 1 --patient twin")));
      String s = second.waitFor(EXITED, 20_000, "the second coach to refuse");
      assertTerminalRestored(second);
      String words = s.replaceAll("\\s+", " ");
      assertTrue(words.contains("a session for patient twin is already running on"), s);
      assertTrue(words.contains("since "), s);
      assertTrue(s.contains("EXIT=4"), s);
      // the first one was not touched: it goes on and ends as it should
      first.keys("Enter");
      first.waitFor("Get ready", 5000);
      first.keys("q", "y");
      first.waitFor("Session summary", 5000);
      first.keys("Enter");
      assertTrue(first.waitFor(EXITED, 20_000, "the first coach to end").contains("EXIT=0"));
      assertEquals(1, count("SELECT count(*) FROM sessions"));
      assertEquals(1, count("SELECT count(*) FROM sessions WHERE outcome = 'QUIT'"));
      // once it ended, the patient can start again
      second.line("clear; " + coach("--pace 1 --patient twin"));
      second.waitFor("Press Enter to begin", 20_000);
      second.keys("q", "y", "Enter");
    }
  }
}
