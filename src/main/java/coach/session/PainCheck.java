package coach.session;

import coach.routine.Exercise;
import coach.routine.PainRule;
import coach.routine.Routine;
import java.util.List;

/**
 * The pain check: the rating (0-10) and where the symptoms reach, judged by the {@link
 * PainPolicy}; a rise moves the exercise one level easier or, at the easiest level, stops it and
 * shows the contact card. A starting rating above the ceiling asks how to go on. Each key
 * handler tells the session where to go next.
 */
final class PainCheck {
  /** Where the session goes after a key on a pain-check screen. */
  enum Next {
    /** Stay: the same screen, or the one the check chose (high pain, switch, contact). */
    STAY,
    /** To the exercise's introduction. */
    INTRO,
    /** On with the routine after a rating that changed nothing. */
    AFTER_RATING,
    /** To the summary: the session stopped for pain. */
    SUMMARY
  }

  private final Routine routine;
  private final PainPolicy policy;

  PainCheck(Routine routine, PainPolicy policy) {
    this.routine = routine;
    this.policy = policy;
  }

  /**
   * Opens a pain check. The starting rating has nothing marked (the person types a number) and
   * the first symptom answer of a session has no default; later checks mark the last answers.
   */
  void begin(SessionState.Builder b, Rating.Kind kind) {
    Rating last = b.ratings.isEmpty() ? null : b.ratings.get(b.ratings.size() - 1);
    b.screen = Screen.PAIN;
    b.painKind = kind;
    b.draftValue = last == null || kind == Rating.Kind.BASELINE ? -1 : last.value();
    b.draftOne = false;
    b.draftRegion = last == null ? -1 : policy.regionRank(last.region());
    b.goodNews = null;
    Timers.stop(b);
  }

  Next onPain(SessionState.Builder b, List<Effect> fx, Event e) {
    if (e instanceof Event.Digit d) {
      if (b.draftOne && d.value() == 0) {
        b.draftValue = 10;
        b.draftOne = false;
      } else {
        b.draftValue = d.value();
        b.draftOne = d.value() == 1;
      }
    } else if (e == Event.Key.UP || e == Event.Key.RIGHT) {
      b.draftValue = Math.min(10, b.draftValue + 1);
      b.draftOne = false;
    } else if (e == Event.Key.DOWN || e == Event.Key.LEFT) {
      b.draftValue = Math.max(0, b.draftValue - 1);
      b.draftOne = false;
    } else if (e == Event.Key.CONFIRM && b.draftValue >= 0) {
      b.draftOne = false;
      if (routine.painRule().spreadCounts()) {
        b.screen = Screen.PAIN_REGION;
      } else {
        return confirm(b, fx);
      }
    }
    return Next.STAY;
  }

  Next onRegion(SessionState.Builder b, List<Effect> fx, Event e) {
    int max = routine.painRule().regions().size();
    if (e == Event.Key.UP || e == Event.Key.LEFT) {
      b.draftRegion = Math.max(0, b.draftRegion - 1);
    } else if (e == Event.Key.DOWN || e == Event.Key.RIGHT) {
      b.draftRegion = Math.min(max, b.draftRegion + 1);
    } else if (e instanceof Event.Digit d && d.value() <= max) {
      b.draftRegion = d.value();
    } else if (e == Event.Key.BACK) {
      b.screen = Screen.PAIN;
    } else if (e == Event.Key.CONFIRM && b.draftRegion >= 0) {
      return confirm(b, fx);
    }
    return Next.STAY;
  }

  /** The starting rating was above the ceiling: one level easier throughout, or stop today. */
  Next onHighPain(SessionState.Builder b, List<Effect> fx, Event e) {
    if (Coach.isToggle(e)) {
      b.choice = b.choice == 1 ? 0 : 1;
    } else if (e == Event.Key.CONFIRM) {
      int start = b.ratings.get(b.ratings.size() - 1).value();
      int limit = routine.painRule().maxAcceptable();
      if (b.choice == 1) {
        b.stopForToday = true;
        fx.add(new Effect.RecordContactShown(null, new Reason.HighStartStop(start, limit)));
        return Next.SUMMARY;
      }
      // for today only: each change is recorded when its exercise begins (see unrecorded)
      for (int i = 0; i < routine.exercises().size(); i++) {
        int from = b.levels.get(i);
        if (from < routine.exercises().get(i).easiestLevel()) {
          Reason reason = new Reason.HighStartEasier(start, limit);
          b.levels.set(i, from + 1);
          SwitchNote note = new SwitchNote(routine.exercises().get(i).id(), from, from + 1,
              reason, false);
          b.switches.add(note);
          b.unrecorded.add(note);
        }
      }
      b.choice = -1;
      return Next.INTRO;
    }
    return Next.STAY;
  }

  /** Records the rating and judges it. */
  private Next confirm(SessionState.Builder b, List<Effect> fx) {
    PainRule rule = routine.painRule();
    String region = rule.spreadCounts() && b.draftRegion > 0
        ? rule.regions().get(b.draftRegion - 1) : null;
    int rank = policy.regionRank(region);
    Rating rating;
    if (b.painKind == Rating.Kind.BASELINE) {
      rating = new Rating(Rating.Kind.BASELINE, null, -1, null, 0, -1, "", b.draftValue, region);
    } else {
      Exercise ex = routine.exercises().get(b.exercise);
      int level = b.levels.get(b.exercise);
      rating = new Rating(b.painKind, ex.id(), level, ex.level(level).id(), b.set, b.round,
          ex.rounds().get(b.round), b.draftValue, region);
    }
    b.ratings.add(rating);
    fx.add(new Effect.RecordRating(rating));
    if (rating.kind() == Rating.Kind.BASELINE) {
      if (b.ratings.size() > 1) {
        // a resumed session's new starting rating: one more rating since the exercise started
        PainPolicy.Reference ref = new PainPolicy.Reference(b.refValue, b.refRegion)
            .with(rating.value(), rank);
        b.refValue = ref.value();
        b.refRegion = ref.region();
      } else {
        b.refValue = rating.value();
        b.refRegion = rank;
      }
      if (policy.highStart(rating.value())) {
        b.screen = Screen.HIGH_PAIN;
        b.choice = 0;
        return Next.STAY;
      }
      return Next.INTRO;
    }
    Rating first = b.ratings.get(0);
    int start = first.kind() == Rating.Kind.BASELINE ? first.value() : rating.value();
    PainPolicy.Reference ref = new PainPolicy.Reference(b.refValue, b.refRegion);
    PainPolicy.Verdict v = policy.judge(ref, start, rating.value(), rank);
    if (!v.increased()) {
      PainPolicy.Reference next = ref.with(rating.value(), rank);
      b.refValue = next.value();
      b.refRegion = next.region();
      if (v.nearer()) {
        b.goodNews = new GoodNews(ref.region(), rank);
      }
      return Next.AFTER_RATING;
    }
    // a switch answers the rise once: the rating that caused it is the new reference
    b.refValue = rating.value();
    b.refRegion = rank;
    Exercise ex = routine.exercises().get(b.exercise);
    int level = b.levels.get(b.exercise);
    if (level < ex.easiestLevel()) {
      Reason reason = new Reason.Easier(v.rise(), level, level + 1);
      switchLevel(b, fx, b.exercise, level + 1, reason, false);
      b.notice = reason;
      b.screen = Screen.SWITCH;
    } else {
      Reason reason = new Reason.AtEasiest(v.rise(), level);
      b.stopped.add(ex.id());
      if (v.aboveCeiling() || b.stopped.size() >= 2) {
        b.stopForToday = true;
      }
      b.notice = reason;
      b.screen = Screen.CONTACT;
      b.choice = b.stopForToday ? 1 : 0;
      fx.add(new Effect.RecordContactShown(ex.id(), reason));
    }
    return Next.STAY;
  }

  /**
   * The reference a resumed session goes on from: the ratings the interrupted session recorded,
   * judged again in order as they were then (the same rules give the same verdicts), up to the
   * exercise it resumes at; that exercise, when none of its sets was rated, starts from the
   * session's last rating.
   */
  void carryReference(SessionState.Builder b) {
    if (b.ratings.isEmpty()) {
      return;
    }
    Rating first = b.ratings.get(0);
    int start = first.kind() == Rating.Kind.BASELINE ? first.value() : -1;
    PainPolicy.Reference ref = reference(first);
    Rating last = first; // the last rating but the starting ratings of earlier resumptions
    String exercise = first.exerciseId();
    List<Rating> resumedWith = new java.util.ArrayList<>();
    for (Rating r : b.ratings.subList(1, b.ratings.size())) {
      if (r.kind() == Rating.Kind.BASELINE) {
        resumedWith.add(r); // counts from the exercise that session resumed at
        continue;
      }
      if (!r.exerciseId().equals(exercise)) {
        ref = reference(last);
        exercise = r.exerciseId();
      }
      ref = with(ref, resumedWith);
      int rank = policy.regionRank(r.region());
      ref = policy.judge(ref, start < 0 ? r.value() : start, r.value(), rank).increased()
          ? new PainPolicy.Reference(r.value(), rank) : ref.with(r.value(), rank);
      last = r;
    }
    if (!routine.exercises().get(b.exercise).id().equals(exercise)) {
      ref = reference(last);
    }
    ref = with(ref, resumedWith);
    b.refValue = ref.value();
    b.refRegion = ref.region();
  }

  private PainPolicy.Reference reference(Rating r) {
    return new PainPolicy.Reference(r.value(), policy.regionRank(r.region()));
  }

  private PainPolicy.Reference with(PainPolicy.Reference ref, List<Rating> ratings) {
    for (Rating r : ratings) {
      ref = ref.with(r.value(), policy.regionRank(r.region()));
    }
    ratings.clear();
    return ref;
  }

  /**
   * Records the changes of level kept back for the exercise under way, now that one of its sets
   * begins.
   */
  static void recordBegun(SessionState.Builder b, List<Effect> fx, String exerciseId) {
    for (java.util.Iterator<SwitchNote> it = b.unrecorded.iterator(); it.hasNext(); ) {
      SwitchNote n = it.next();
      if (n.exerciseId().equals(exerciseId)) {
        fx.add(new Effect.RecordSwitch(n.exerciseId(), n.fromLevel(), n.toLevel(), n.reason()));
        it.remove();
      }
    }
  }

  /** Moves an exercise to another level, for the rest of the session, and records why. */
  void switchLevel(SessionState.Builder b, List<Effect> fx, int exercise, int to,
      Reason reason, boolean harder) {
    String id = routine.exercises().get(exercise).id();
    int from = b.levels.get(exercise);
    b.levels.set(exercise, to);
    b.switches.add(new SwitchNote(id, from, to, reason, harder));
    fx.add(new Effect.RecordSwitch(id, from, to, reason));
  }
}
