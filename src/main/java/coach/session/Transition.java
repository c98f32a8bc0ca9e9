package coach.session;

import java.util.List;

/** The result of one update: the next state and the effects to carry out, in order. */
public record Transition(SessionState state, List<Effect> effects) {
  public Transition {
    effects = List.copyOf(effects);
  }
}
