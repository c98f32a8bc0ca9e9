package coach.tui.words;

import coach.routine.Exercise;
import coach.session.GoodNews;
import coach.session.Reason;
import coach.session.Rise;
import coach.store.RecordKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The core's reasons and the history's event codes in words. Level and region numbers become
 * the routine's names when the routine is at hand (they stay in the routine's language), else
 * "level 1", "region 2".
 */
public final class Reasons {
  private Reasons() {}

  /**
   * Why an exercise changed level or stopped.
   *
   * @param exercise the exercise it is about, for its level names; null when not at hand
   * @param regions the routine's regions, most central first; empty when not at hand
   */
  public static String text(Messages m, Reason reason, Exercise exercise, List<String> regions) {
    if (reason instanceof Reason.Easier r) {
      return m.get("reason.easier", rise(m, r.rise(), regions), level(m, exercise, r.fromLevel()),
          level(m, exercise, r.toLevel()));
    } else if (reason instanceof Reason.AtEasiest r) {
      return m.get("reason.atEasiest", rise(m, r.rise(), regions), level(m, exercise, r.level()));
    } else if (reason instanceof Reason.Stopped r) {
      return m.get("reason.stopped", capitalised(m, cause(m, r.rise(), regions)),
          level(m, exercise, r.level()));
    } else if (reason instanceof Reason.EasiestToday r) {
      return m.get("reason.easiestToday", r.pain(), r.limit());
    } else if (reason instanceof Reason.StopToday r) {
      return r.second()
          ? m.get("reason.today.second", level(m, exercise, r.level()),
              cause(m, r.rise(), regions))
          : m.get("reason.today", capitalised(m, cause(m, r.rise(), regions)),
              level(m, exercise, r.level()));
    } else if (reason instanceof Reason.MorningWorse) {
      return m.get("reason.morningWorse");
    } else if (reason instanceof Reason.HarderTaken r) {
      return m.get("reason.harderTaken", r.sessions());
    } else if (reason instanceof Reason.HighStartEasier r) {
      return m.get("reason.highStart.easier", r.start(), r.limit());
    } else if (reason instanceof Reason.HighStartStop r) {
      return m.get("reason.highStart.stop", r.start(), r.limit());
    }
    throw new IllegalArgumentException("no words for " + reason);
  }

  /** The symptoms moved back toward the back. */
  public static String goodNews(Messages m, GoodNews news, List<String> regions) {
    return m.get("reason.goodNews", region(m, regions, news.fromRegion()),
        region(m, regions, news.toRegion()));
  }

  /**
   * An event's detail from the history in words: a code put into words; a sign of a serious
   * cause answered yes as its question; a sentence stored by an older version, or a red-flag
   * question's id, as it is.
   *
   * @param exercise the event's exercise, for level names; null when not at hand
   * @param regions the routine's regions; empty when not at hand
   */
  public static String detail(Messages m, RecordKind kind, String detail, Exercise exercise,
      List<String> regions) {
    if (detail == null) {
      return "";
    }
    return switch (kind) {
      case SWITCH, CONTACT, STOP_TODAY -> Reason.parse(detail)
          .map(r -> text(m, r, exercise, regions)).orElse(detail);
      case NEXT_MORNING -> detail.equals(RecordKind.WORSE) ? m.get("record.morning.worse")
          : detail.equals(RecordKind.NOT_WORSE) ? m.get("record.morning.notWorse") : detail;
      case RESUME -> detail.equals(RecordKind.CONTINUED) ? m.get("record.resume.continued")
          : detail.equals(RecordKind.STARTED_FRESH) ? m.get("record.resume.startedFresh")
          : detail;
      case CLEARANCE -> detail.equals(RecordKind.CLEARED) ? m.get("record.clearance.cleared")
          : detail.equals(RecordKind.NOT_CLEARED) ? m.get("record.clearance.notCleared")
          : detail;
      case SERIOUS_SIGNS -> detail.equals(RecordKind.NONE_OF_THEM)
          ? m.get("record.seriousSigns.none") : m.get("record.seriousSigns.yes",
              m.has(signKey(detail)) ? m.get(signKey(detail)) : detail);
      case RED_FLAG -> detail;
    };
  }

  /**
   * An event's detail in English without its routine (levels and regions by number), for a
   * therapist's export.
   */
  public static String english(RecordKind kind, String detail) {
    return detail(Messages.english(), kind, detail, null, List.of());
  }

  /** "Pain 2 -> 5; above the limit of 5": the parts of a rise, the first word capitalised. */
  private static String rise(Messages m, Rise r, List<String> regions) {
    List<String> parts = new ArrayList<>();
    if (r.byNumber()) {
      parts.add(m.get("reason.rise.number", r.from(), r.to()));
    }
    if (r.aboveLimit()) {
      parts.add(r.byNumber() ? m.get("reason.rise.limit", r.limit())
          : m.get("reason.rise.limitOnly", r.to(), r.limit()));
    }
    if (r.spread()) {
      parts.add(r.spreadFrom() == 0
          ? m.get("reason.rise.spreadNew", region(m, regions, r.spreadTo()))
          : m.get("reason.rise.spread", region(m, regions, r.spreadFrom()),
              region(m, regions, r.spreadTo())));
    }
    return capitalised(m, String.join("; ", parts));
  }

  /**
   * What stopped an exercise or the session, in a phrase: "pain went from 2 to 8, above the
   * limit of 5", "the symptoms spread (buttock -> foot)", or both joined.
   */
  private static String cause(Messages m, Rise r, List<String> regions) {
    List<String> parts = new ArrayList<>();
    if (r.aboveLimit()) {
      parts.add(r.to() > r.from() ? m.get("reason.cause.limit", r.from(), r.to(), r.limit())
          : m.get("reason.cause.limitOnly", r.to(), r.limit()));
    } else if (r.byNumber() || !r.spread()) {
      parts.add(m.get("reason.cause.number", r.from(), r.to()));
    }
    if (r.spread()) {
      parts.add(m.get("reason.cause.spread", region(m, regions, r.spreadFrom()),
          region(m, regions, r.spreadTo())));
    }
    return String.join("; ", parts);
  }

  private static String capitalised(Messages m, String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(m.language().locale()) + s.substring(1);
  }

  private static String level(Messages m, Exercise e, int level) {
    return e != null && level >= 0 && level < e.levels().size()
        ? m.get("reason.level.named", e.level(level).name())
        : m.get("reason.level.numbered", level);
  }

  private static String region(Messages m, List<String> regions, int rank) {
    if (rank == 0) {
      return m.get("reason.region.none");
    }
    return rank > 0 && rank <= regions.size() ? regions.get(rank - 1)
        : m.get("reason.region.numbered", rank);
  }

  /** A sign's bundle key: "weight-loss" is asked by serious.weightLoss. */
  private static String signKey(String id) {
    StringBuilder sb = new StringBuilder("serious.");
    for (int i = 0; i < id.length(); i++) {
      char ch = id.charAt(i);
      if (ch == '-' && i + 1 < id.length()) {
        sb.append(Character.toUpperCase(id.charAt(++i)));
      } else {
        sb.append(ch);
      }
    }
    return sb.toString();
  }
}
