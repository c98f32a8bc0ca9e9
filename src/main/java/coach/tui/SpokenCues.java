package coach.tui;

import coach.routine.Exercise;
import coach.routine.Phase;
import coach.session.Coach;
import coach.session.Screen;
import coach.session.SessionState;
import coach.tui.view.SafeText;
import coach.tui.words.Messages;

/**
 * What is said aloud as a session moves: each phase's cue as it begins, and at the start of each
 * rep its count first ("2 of 5. Round your back up..."). An observer of the core's states on the
 * loop's thread; the voice speaks elsewhere, so nothing here waits for it.
 */
public final class SpokenCues implements CoachApp.Observer {
  private final Voice voice;
  private final Messages words;

  public SpokenCues(Voice voice, Messages words) {
    this.voice = voice;
    this.words = words;
  }

  @Override
  public void changed(Coach coach, SessionState before, SessionState after) {
    if (after.screen() != Screen.REP) {
      return;
    }
    boolean sameMoment = before.screen() == Screen.REP && before.exercise() == after.exercise()
        && before.set() == after.set() && before.round() == after.round()
        && before.rep() == after.rep() && before.phase() == after.phase()
        && before.level(before.exercise()) == after.level(after.exercise());
    if (sameMoment) {
      return; // a pause, a resume, a window opened over the rep: nothing new to say
    }
    Phase p = coach.phase(after);
    String cue = SafeText.clean(p.cue());
    if (after.phase() == 0) {
      Exercise e = coach.exercise(after);
      voice.say(words.get("speak.rep", after.rep(), e.reps(), cue));
    } else {
      voice.say(cue);
    }
  }
}
