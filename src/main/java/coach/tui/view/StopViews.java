package coach.tui.view;

import coach.routine.Contact;
import coach.routine.RedFlag;
import coach.routine.Routine;
import coach.session.Coach;
import coach.session.SeriousSigns;
import coach.session.SessionState;
import coach.session.StartOptions;
import coach.tui.words.Messages;
import coach.tui.words.Reasons;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;

/**
 * The screens where a stop holds (GUIDE section 3): the session stops for today; a new start the
 * same day says what happened and offers no exercise; a red flag on an earlier day asks about a
 * doctor first; a first session of a routine nobody prescribed asks about a serious cause.
 */
final class StopViews {
  private StopViews() {}

  /** The session stops for today: why, what to do, the safety net, how to reach a person. */
  static void stopToday(Canvas c, Coach coach, SessionState s, int top) {
    Messages m = c.words();
    Routine r = coach.routine();
    c.bold(2, top, m.get("stopToday.title"));
    String why = s.stopReason() == null ? "" : Reasons.text(m, s.stopReason(),
        coach.exercise(s), r.painRule().regions());
    List<EndViews.Row> rows = new ArrayList<>();
    paragraphs(c, rows, why, m.get("advice.stopToday"), m.get("safety.net"));
    card(c, rows, m, r.contact());
    EndViews.shown(c, rows, top + 2, c.height() - 2);
  }

  /** Earlier today the session stopped for today, or a red flag was answered yes. */
  static void locked(Canvas c, Coach coach, int top) {
    Messages m = c.words();
    Routine r = coach.routine();
    StartOptions.Lockout lock = coach.options().gate().lockout();
    c.bold(2, top, m.get("locked.title"));
    if (lock == null) {
      return;
    }
    String at = DateTimeFormatter.ofPattern("HH:mm").format(lock.at().atZone(zone()));
    List<EndViews.Row> rows = new ArrayList<>();
    if (lock.redFlagId() != null) {
      String question = r.redFlags().questions().stream()
          .filter(q -> q.id().equals(lock.redFlagId())).map(RedFlag::question).findFirst()
          .orElse(lock.redFlagId());
      paragraphs(c, rows, m.get("locked.redFlag", at, question), r.redFlags().advice(),
          m.get("locked.tomorrow"));
    } else {
      // a high start says itself whole; a stop at an exercise names no level out of context
      String what = lock.reason() instanceof coach.session.Reason.HighStartStop
          ? m.get("locked.stopped", at, Reasons.text(m, lock.reason(), null,
              r.painRule().regions()))
          : m.get("locked.stopped.plain", at);
      paragraphs(c, rows, what, m.get("advice.stopToday"), m.get("safety.net"),
          m.get("locked.tomorrow"));
      card(c, rows, m, r.contact());
    }
    EndViews.shown(c, rows, top + 2, c.height() - 2);
  }

  /** After a red flag on an earlier day: seen by a doctor and told they may exercise? */
  static void clearance(Canvas c, Coach coach, SessionState s, int top) {
    Messages m = c.words();
    Instant at = coach.options().gate().redFlagAt();
    String day = at == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
        .withLocale(m.language().locale()).format(at.atZone(zone()));
    QuestionViews.yesNo(c, top, m.get("clearance.title"), m.get("clearance.question", day),
        m.get("clearance.hint"), s.dialog().choice());
  }

  /** One sign of a serious cause, before a first session. */
  static void serious(Canvas c, Coach coach, SessionState s, int top) {
    Messages m = c.words();
    String id = coach.seriousSign(s);
    QuestionViews.yesNo(c, top, m.get("serious.title", s.question() + 1,
        SeriousSigns.IDS.size()), id == null ? "" : m.get(signKey(id)),
        m.get("serious.hint"), s.dialog().choice());
  }

  /** The bundle key of a sign's question. */
  private static String signKey(String id) {
    return switch (id) {
      case "cancer" -> "serious.cancer";
      case "weight-loss" -> "serious.weightLoss";
      case "fever" -> "serious.fever";
      case "injury" -> "serious.injury";
      case "night-pain" -> "serious.nightPain";
      case "age" -> "serious.age";
      default -> throw new IllegalArgumentException(id);
    };
  }

  /** A sign of a serious cause was answered yes. */
  static void seeDoctor(Canvas c, int top) {
    Messages m = c.words();
    c.bold(2, top, "!! " + m.get("seeDoctor.title"));
    List<EndViews.Row> rows = new ArrayList<>();
    paragraphs(c, rows, m.get("seeDoctor.text"), m.get("safety.net"));
    EndViews.shown(c, rows, top + 2, c.height() - 2);
  }

  /** Paragraphs one after another with a blank row between, every row of each. */
  private static void paragraphs(Canvas c, List<EndViews.Row> rows, String... texts) {
    int w = c.width() - 4;
    for (String t : texts) {
      if (t.isEmpty()) {
        continue;
      }
      if (!rows.isEmpty()) {
        rows.add(new EndViews.Row("", false));
      }
      EndViews.add(rows, t, w, false);
    }
  }

  /** How to reach a person, whole (no booking or sales line here). */
  private static void card(Canvas c, List<EndViews.Row> rows, Messages m, Contact k) {
    rows.add(new EndViews.Row("", false));
    EndViews.add(rows, m.get("stopToday.reach"), c.width() - 4, true);
    for (String l : EndViews.withoutBooking(EndViews.contactText(m, k, true), k)) {
      EndViews.add(rows, l, c.width() - 4, false);
    }
  }

  /** Where times are shown: this computer's zone (the server's, for a kiosk). */
  private static ZoneId zone() {
    return ZoneId.systemDefault();
  }
}
