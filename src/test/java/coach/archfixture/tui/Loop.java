package coach.archfixture.tui;

import coach.archfixture.tui.view.Screen;

/** Planted for ArchitectureTest: half of a cycle between two packages. */
public class Loop {
  public void draw() {
    new Screen().paint();
  }
}
