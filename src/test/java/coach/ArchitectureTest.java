package coach;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layers of the coach (see src/docs/ARCHITECTURE.md), read from the compiled classes with
 * ArchUnit: a package may use its own layer's classes and those of any layer below it, never one
 * above; no package reaches itself through others; the core reads no clock and does no I/O; no
 * source file grows past 400 lines (200 in {@code cli}, which only parses and hands over). The
 * rules are also run on planted classes under {@code coach.archfixture} (test code), to see each
 * one fail.
 */
class ArchitectureTest {
  /** Top to bottom: each layer's packages under the root ("tui" holds tui.view). */
  static final List<List<String>> LAYERS = List.of(
      List.of("cli"), // parses the command line, dispatches, prints
      List.of("app"), // composes sessions; the data folder, the clinic's card, the logs
      List.of("ssh", "kiosk", "tui"), // the ways a session reaches a person
      List.of("store"), // the history
      List.of("session"), // the pure core
      List.of("routine")); // routine files: records, loader, checks

  /** The only arrows allowed between packages of one layer. */
  static final List<String> SIDEWAYS = List.of("kiosk -> tui", "ssh -> kiosk", "ssh -> tui");

  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("coach");

  private static final JavaClasses PLANTED = new ClassFileImporter()
      .importPackages("coach.archfixture");

  /**
   * The layer rule for the packages under {@code root}: the root package itself (Main) on top,
   * then {@link #LAYERS}, each reached only from above or by an allowed sideways arrow.
   */
  static ArchRule layers(String root, boolean everyLayerPresent) {
    LayeredArchitecture rule = layeredArchitecture().consideringOnlyDependenciesInLayers()
        .withOptionalLayers(!everyLayerPresent)
        .layer("coach").definedBy(root);
    for (List<String> floor : LAYERS) {
      for (String p : floor) {
        rule = rule.layer(p).definedBy(root + "." + p + "..");
      }
    }
    rule = rule.whereLayer("coach").mayNotBeAccessedByAnyLayer();
    List<String> above = new ArrayList<>(List.of("coach"));
    for (List<String> floor : LAYERS) {
      for (String p : floor) {
        List<String> may = new ArrayList<>(above);
        for (String arrow : SIDEWAYS) {
          String[] ends = arrow.split(" -> ");
          if (ends[1].equals(p)) {
            may.add(ends[0]);
          }
        }
        rule = rule.whereLayer(p).mayOnlyBeAccessedByLayers(may.toArray(String[]::new));
      }
      above.addAll(floor);
    }
    return rule.because("an arrow between packages points down the layers"
        + " (src/docs/ARCHITECTURE.md)");
  }

  /** No package, tui and tui.view counted apart, reaches itself through others. */
  static ArchRule noCycles(String root) {
    return slices().matching(root + ".(**)").should().beFreeOfCycles();
  }

  /** The core takes the moment with each event: it reads no clock, starts no thread, does no I/O. */
  static ArchRule pureCore(String root) {
    String core = root + ".session..";
    return noClasses().that().resideInAPackage(core)
        .should().callMethod(System.class, "nanoTime")
        .orShould().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(Instant.class, "now")
        .orShould().callMethod(LocalDate.class, "now")
        .orShould().callMethod(LocalDateTime.class, "now")
        .orShould().callMethod(ZonedDateTime.class, "now")
        .orShould().dependOnClassesThat().belongToAnyOf(Clock.class, Thread.class)
        .orShould().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio..",
            "java.net..", "java.sql..", "java.util.concurrent..", "com.googlecode.lanterna..")
        .because("the core is a function of its input: Coach.update(state, event, now)");
  }

  @Test
  void everyArrowPointsDownTheLayers() {
    layers("coach", true).check(MAIN);
  }

  @Test
  void noPackageDependsOnItselfThroughOthers() {
    noCycles("coach").check(MAIN);
  }

  @Test
  void theCoreReadsNoClockAndDoesNoIo() {
    pureCore("coach").check(MAIN);
  }

  @Test
  void everyMainPackageIsInALayer() {
    List<String> outside = new ArrayList<>();
    List<String> known = new ArrayList<>(List.of("coach"));
    LAYERS.forEach(floor -> floor.forEach(p -> known.add("coach." + p)));
    MAIN.forEach(c -> {
      String p = c.getPackageName();
      if (known.stream().noneMatch(k -> p.equals(k) || p.startsWith(k + "."))) {
        outside.add(c.getName());
      }
    });
    assertEquals(List.of(), outside, "in no layer (add the package to ArchitectureTest.LAYERS)");
  }

  @Test
  void aPlantedUpwardArrowFails() {
    // archfixture.store.Low uses archfixture.cli.High: an arrow up
    AssertionError e = assertThrows(AssertionError.class,
        () -> layers("coach.archfixture", false).check(PLANTED));
    assertTrue(e.getMessage().contains("coach.archfixture.store.Low"), e.getMessage());
    assertTrue(e.getMessage().contains("coach.archfixture.cli.High"), e.getMessage());
  }

  @Test
  void aPlantedCycleFails() {
    // archfixture.tui.Loop uses archfixture.tui.view.Screen, which uses the loop back
    AssertionError e = assertThrows(AssertionError.class,
        () -> noCycles("coach.archfixture").check(PLANTED));
    assertTrue(e.getMessage().contains("coach.archfixture.tui.view.Screen"), e.getMessage());
  }

  @Test
  void aPlantedClockReadInTheCoreFails() {
    AssertionError e = assertThrows(AssertionError.class,
        () -> pureCore("coach.archfixture").check(PLANTED));
    assertTrue(e.getMessage().contains("coach.archfixture.session.ReadsTheClock"), e.getMessage());
  }

  @Test
  void noMainFileIsOverItsLength() throws IOException {
    List<String> over = new ArrayList<>();
    Path sources = Path.of("src", "main", "java", "coach");
    try (Stream<Path> walk = Files.walk(sources)) {
      for (Path f : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        long lines;
        try (Stream<String> l = Files.lines(f)) {
          lines = l.count();
        }
        int most = f.startsWith(sources.resolve("cli")) ? 200 : 400;
        if (lines > most) {
          over.add(f + ": " + lines + " lines (at most " + most + ")");
        }
      }
    }
    assertEquals(List.of(), over, "files to split");
  }
}
