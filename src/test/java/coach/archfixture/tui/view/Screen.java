package coach.archfixture.tui.view;

import coach.archfixture.tui.Loop;

/** Planted for ArchitectureTest: the other half of the cycle (a view that calls the loop). */
public class Screen {
  public void paint() {}

  public void again(Loop loop) {
    loop.draw();
  }
}
