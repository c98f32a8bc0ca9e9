package coach.session;

import coach.routine.Exercise;
import coach.routine.PainRule;
import coach.routine.Routine;
import java.util.List;
import java.util.OptionalInt;

/**
 * The pain check: the rating (0-10) and where the symptoms reach, judged by the {@link
 * PainPolicy}: a rise moves the exercise one level easier; a stop shows how to reach a person
 * (after the red-flag questions again, for a stop above the ceiling or a spread); a stop for
 * today ends the session. A starting rating above the ceiling asks how to go on. Each key
 * handler tells the session where to go next.
 */
final class PainCheck {
  /** Where the session goes after a key on a pain-check screen. */
  enum Next {
    /** Stay: the same screen, or the one the check chose (switch, contact, stop for today). */
    STAY,
    /** To the exercise's introduction. */
    INTRO,
    /** On with the routine after a rating that changed nothing. */
    AFTER_RATING,
    /**
     * The exercise stopped above the ceiling or for a spread: the red-flag questions again, then
     * the screen the check chose.
     */
    RECHECK
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
    b.draftValue = last == null || kind == Rating.Kind.BASELINE ? OptionalInt.empty()
        : OptionalInt.of(last.value());
    b.draftOne = false;
    b.draftRegion = last == null ? OptionalInt.empty()
        : OptionalInt.of(policy.regionRank(last.region()));
    b.goodNews = null;
    Timers.stop(b);
  }

  /**
   * One check, one screen: digits and left/right set the pain number; up/down choose where the
   * symptoms reach (when the routine asks); Enter confirms both. A digit always means the pain
   * number, so no key changes meaning with a field's focus.
   */
  Next onPain(SessionState.Builder b, List<Effect> fx, Event e) {
    boolean where = routine.painRule().spreadCounts();
    int max = routine.painRule().regions().size();
    if (e instanceof Event.Digit d) {
      if (b.draftOne && d.value() == 0) {
        b.draftValue = OptionalInt.of(10);
        b.draftOne = false;
      } else {
        b.draftValue = OptionalInt.of(d.value());
        b.draftOne = d.value() == 1;
      }
    } else if (e == Event.Key.RIGHT || (!where && e == Event.Key.UP)) {
      b.draftValue = step(b.draftValue, 1, 10);
      b.draftOne = false;
    } else if (e == Event.Key.LEFT || (!where && e == Event.Key.DOWN)) {
      b.draftValue = step(b.draftValue, -1, 10);
      b.draftOne = false;
    } else if (e == Event.Key.UP) {
      b.draftRegion = step(b.draftRegion, -1, max);
      b.draftOne = false;
    } else if (e == Event.Key.DOWN) {
      b.draftRegion = step(b.draftRegion, 1, max);
      b.draftOne = false;
    } else if (e == Event.Key.CONFIRM && b.draftValue.isPresent()
        && (!where || b.draftRegion.isPresent())) {
      b.draftOne = false;
      return confirm(b, fx);
    }
    return Next.STAY;
  }

  /** One step up or down within 0 to {@code max}; from nothing marked, a step marks 0. */
  private static OptionalInt step(OptionalInt marked, int by, int max) {
    return OptionalInt.of(marked.isEmpty() ? 0
        : Math.max(0, Math.min(max, marked.getAsInt() + by)));
  }

  /**
   * The starting rating was above the ceiling: end for today (marked), or a short, gentle session
   * with every exercise at its easiest level, for today only, where any rating above the start
   * stops for today.
   */
  Next onHighPain(SessionState.Builder b, List<Effect> fx, Event e) {
    if (Coach.isToggle(e)) {
      b.choice = b.choice.toggled();
    } else if (e == Event.Key.CONFIRM) {
      int start = b.ratings.get(b.ratings.size() - 1).value();
      int limit = routine.painRule().maxAcceptable();
      if (b.choice == Choice.SECOND) {
        Reason reason = new Reason.HighStartStop(start, limit);
        fx.add(new Effect.RecordContactShown(null, reason));
        stopForToday(b, fx, null, reason);
        return Next.STAY;
      }
      // for today only: each change is recorded when its exercise begins (see unrecorded)
      for (int i = 0; i < routine.exercises().size(); i++) {
        int from = b.levels.get(i);
        int easiest = routine.exercises().get(i).easiestLevel();
        if (from < easiest) {
          Reason reason = new Reason.HighStartEasier(start, limit);
          b.levels.set(i, easiest);
          SwitchNote note = new SwitchNote(routine.exercises().get(i).id(), from, easiest,
              reason, false);
          b.switches.add(note);
          b.unrecorded.add(note);
        }
      }
      b.choice = Choice.NONE;
      return Next.INTRO;
    }
    return Next.STAY;
  }

  /** Records the rating and judges it. */
  private Next confirm(SessionState.Builder b, List<Effect> fx) {
    PainRule rule = routine.painRule();
    // where the check asks, it is confirmed only once where the symptoms reach was chosen
    String region = rule.spreadCounts() && b.draftRegion.getAsInt() > 0
        ? rule.regions().get(b.draftRegion.getAsInt() - 1) : null;
    int rank = policy.regionRank(region);
    int value = b.draftValue.getAsInt();
    Rating rating;
    if (b.painKind == Rating.Kind.BASELINE) {
      rating = Rating.baseline(value, region);
    } else {
      Exercise ex = routine.exercises().get(b.exercise);
      int level = b.levels.get(b.exercise);
      rating = new Rating(b.painKind, ex.id(), level, ex.level(level).id(), b.set, b.round,
          ex.round(level, b.round), value, region);
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
      if (b.ratings.size() == 1 && policy.highStart(rating.value())) {
        b.screen = Screen.HIGH_PAIN;
        b.choice = Choice.SECOND; // "End for today" is marked
        return Next.STAY;
      }
      return Next.INTRO;
    }
    Exercise ex = routine.exercises().get(b.exercise);
    int level = b.levels.get(b.exercise);
    PainPolicy.Reference ref = new PainPolicy.Reference(b.refValue, b.refRegion);
    int stoppedBefore = (int) b.stopped.stream().filter(id -> !id.equals(ex.id())).count();
    PainPolicy.Verdict v = policy.judge(ref, start(b), rating.value(), rank,
        level >= ex.easiestLevel(), stoppedBefore);
    return switch (v.action()) {
      case NONE -> {
        PainPolicy.Reference next = ref.with(rating.value(), rank);
        b.refValue = next.value();
        b.refRegion = next.region();
        if (v.nearer()) {
          b.goodNews = new GoodNews(ref.region(), rank);
        }
        yield Next.AFTER_RATING;
      }
      case EASIER -> {
        // a switch answers the rise once: the rating that caused it is the new reference
        b.refValue = rating.value();
        b.refRegion = rank;
        Reason reason = new Reason.Easier(v.rise(), level, level + 1);
        switchLevel(b, fx, b.exercise, level + 1, reason, false);
        b.notice = reason;
        b.screen = Screen.SWITCH;
        yield Next.STAY;
      }
      case STOP_EXERCISE, STOP_TODAY -> {
        b.refValue = rating.value();
        b.refRegion = rank;
        Reason reason = v.rise().aboveLimit() || v.rise().spread()
            ? new Reason.Stopped(v.rise(), level) : new Reason.AtEasiest(v.rise(), level);
        fx.add(new Effect.RecordContactShown(ex.id(), reason));
        applyStop(b, ex.id(), reason);
        b.notice = reason;
        if (v.action() == PainPolicy.Action.STOP_TODAY) {
          stopForToday(b, fx, ex.id(), new Reason.StopToday(v.rise(), level, v.second()));
        } else {
          b.screen = Screen.CONTACT;
          // above the ceiling or a spread: "End the session" is marked
          b.choice = Choice.of(v.asksRedFlags());
        }
        yield v.asksRedFlags() ? Next.RECHECK : Next.STAY;
      }
    };
  }

  /** The session's starting rating (the first rating, when it was not asked). */
  private static int start(SessionState.Builder b) {
    return b.ratings.get(0).value();
  }

  /**
   * What an exercise stopped for pain means for the rest of the session: it is not done again;
   * after a spread, exercises that load the nerve are skipped; after a stop above the ceiling,
   * every later exercise starts at its easiest level. The one place these follow from a stop,
   * for a stop now and for the stops a resumed session carries.
   */
  static void applyStop(SessionState.Builder b, String exerciseId, Reason reason) {
    if (!b.stopped.contains(exerciseId)) {
      b.stopped.add(exerciseId);
    }
    Rise rise = reason instanceof Reason.Stopped s ? s.rise()
        : reason instanceof Reason.AtEasiest a ? a.rise() : null;
    if (rise != null && rise.spread()) {
      b.spread = true;
      b.nerveRested = true;
    }
    if (rise != null && rise.aboveLimit() && b.easiestToday == null) {
      b.easiestToday = new Reason.EasiestToday(rise.to(), rise.limit());
    }
  }

  /** The session stops for today: the stop screen, then the summary; nothing else today. */
  static void stopForToday(SessionState.Builder b, List<Effect> fx, String exerciseId,
      Reason why) {
    b.stopForToday = true;
    b.stopReason = why;
    b.screen = Screen.STOP_TODAY;
    b.choice = Choice.NONE;
    Timers.stop(b);
    fx.add(new Effect.RecordStopForToday(exerciseId, why));
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
    OptionalInt start = first.kind() == Rating.Kind.BASELINE ? OptionalInt.of(first.value())
        : OptionalInt.empty();
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
      ref = policy.judge(ref, start.orElse(r.value()), r.value(), rank, false, 0)
          .increased()
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
