package coach.tui.view;

import coach.routine.Exercise;
import coach.session.Coach;
import coach.session.StartOptions;
import coach.tui.words.Messages;

/** Words for the resume question, from where the interrupted session stopped. */
final class StartOptionsText {
  private StartOptionsText() {}

  static String question(Messages m, Coach coach) {
    StartOptions.ResumePoint r = coach.options().resume();
    if (r == null || r.exerciseIndex() >= coach.routine().exercises().size()) {
      return m.get("resume.question");
    }
    Exercise e = coach.routine().exercises().get(r.exerciseIndex());
    int level = Math.max(0, Math.min(e.easiestLevel(),
        coach.options().startLevels().getOrDefault(e.id(), e.startLevel())));
    String round = e.round(level, r.round());
    return round.isEmpty() ? m.get("resume.question.at", e.name(), r.set(), e.sets())
        : m.get("resume.question.at.round", e.name(), r.set(), e.sets(), round);
  }
}
