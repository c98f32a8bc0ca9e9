package coach.tui.view;

import coach.routine.Exercise;
import coach.session.Coach;
import coach.session.StartOptions;

/** Words for the resume question, from where the interrupted session stopped. */
record StartOptionsText(String question) {
  static StartOptionsText of(Coach coach) {
    StartOptions.ResumePoint r = coach.options().resume();
    if (r == null || r.exerciseIndex() >= coach.routine().exercises().size()) {
      return new StartOptionsText("Continue where you left off last time?");
    }
    Exercise e = coach.routine().exercises().get(r.exerciseIndex());
    String round = r.round() < e.rounds().size() && !e.rounds().get(r.round()).isEmpty()
        ? ", " + e.rounds().get(r.round()) : "";
    return new StartOptionsText("Your last session stopped early. Continue at " + e.name()
        + ", set " + r.set() + " of " + e.sets() + round + "?");
  }
}
