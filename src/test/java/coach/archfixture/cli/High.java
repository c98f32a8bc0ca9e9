package coach.archfixture.cli;

/** Planted for ArchitectureTest: a class of the top layer. */
public class High {
  public static int answer() {
    return 42;
  }
}
