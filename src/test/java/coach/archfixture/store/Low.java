package coach.archfixture.store;

import coach.archfixture.cli.High;

/** Planted for ArchitectureTest: a lower layer that reaches up. */
public class Low {
  public int up() {
    return High.answer();
  }
}
