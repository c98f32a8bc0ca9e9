package coach.archfixture.session;

/** Planted for ArchitectureTest: a core class that reads the clock. */
public class ReadsTheClock {
  public long now() {
    return System.nanoTime();
  }
}
