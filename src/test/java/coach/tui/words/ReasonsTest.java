package coach.tui.words;

import static org.junit.jupiter.api.Assertions.assertEquals;

import coach.routine.Exercise;
import coach.routine.Level;
import coach.routine.Phase;
import coach.session.GoodNews;
import coach.session.Reason;
import coach.session.Rise;
import coach.store.RecordKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reasons in English read as the sentences the coach has always shown. */
class ReasonsTest {
  private static final Messages EN = Messages.english();
  private static final List<String> REGIONS = List.of("back", "buttock", "thigh",
      "below the knee", "foot");
  private static final Exercise GLIDE = new Exercise("glide", "Nerve glide", "daily", 3, 10,
      List.of(""), 30, List.of(level("Seated slider"), level("Lying slider")));

  private static Level level(String name) {
    return new Level(name.toLowerCase().replace(' ', '-'), name, "gentle",
        List.of(new Phase("slide", 2)));
  }

  private static String say(Reason r) {
    return Reasons.text(EN, r, GLIDE, REGIONS);
  }

  @Test
  void aRiseNamesItsPartsAndBothLevels() {
    assertEquals("Pain 2 -> 5: from \"Seated slider\" to the easier \"Lying slider\"",
        say(new Reason.Easier(new Rise(2, 5, true, -1, -1, -1), 0, 1)));
    assertEquals("Pain 2 -> 7; above the limit of 5; symptoms reach further: buttock -> thigh:"
        + " from \"Seated slider\" to the easier \"Lying slider\"",
        say(new Reason.Easier(new Rise(2, 7, true, 5, 2, 3), 0, 1)));
    assertEquals("Pain 8 above the limit of 5, already at the easiest level (\"Lying slider\")",
        say(new Reason.AtEasiest(new Rise(8, 8, false, 5, -1, -1), 1)));
    assertEquals("Symptoms now reach the thigh: from \"Seated slider\" to the easier"
        + " \"Lying slider\"", say(new Reason.Easier(new Rise(2, 2, false, -1, 0, 3), 0, 1)));
  }

  @Test
  void theOtherReasonsReadAsBefore() {
    assertEquals("pain was worse the morning after the last session",
        say(new Reason.MorningWorse()));
    assertEquals("no pain increase for 2 sessions: the harder level was offered and taken",
        say(new Reason.HarderTaken(2)));
    assertEquals("no pain increase for 1 session: the harder level was offered and taken",
        say(new Reason.HarderTaken(1)));
    assertEquals("Pain before starting was 7, above the limit of 5: every exercise starts one"
        + " level easier today", say(new Reason.HighStartEasier(7, 5)));
    assertEquals("Pain before starting was 7, above the limit of 5",
        say(new Reason.HighStartStop(7, 5)));
    assertEquals("Good news: the symptoms reach less far than before (below the knee -> back).",
        Reasons.goodNews(EN, new GoodNews(4, 1), REGIONS));
    assertEquals("Good news: the symptoms reach less far than before (thigh -> no symptoms).",
        Reasons.goodNews(EN, new GoodNews(3, 0), REGIONS));
  }

  @Test
  void aStopAboveTheCeilingOrForASpreadSaysWhyAndWhere() {
    assertEquals("Pain went from 2 to 8, above the limit of 5: the exercise stopped at \"Seated"
        + " slider\"", say(new Reason.Stopped(new Rise(2, 8, true, 5, -1, -1), 0)));
    assertEquals("Pain was 7, above the limit of 5: the exercise stopped at \"Lying slider\"",
        say(new Reason.Stopped(new Rise(8, 7, false, 5, -1, -1), 1)));
    assertEquals("The symptoms spread (buttock -> foot): the exercise stopped at \"Seated"
        + " slider\"", say(new Reason.Stopped(new Rise(3, 3, false, -1, 2, 5), 0)));
    assertEquals("The symptoms spread (no symptoms -> thigh): the exercise stopped at \"Seated"
        + " slider\"", say(new Reason.Stopped(new Rise(2, 2, false, -1, 0, 3), 0)));
    assertEquals("Pain went from 2 to 8, above the limit of 5; the symptoms spread (back ->"
        + " thigh): the exercise stopped at \"Lying slider\"",
        say(new Reason.Stopped(new Rise(2, 8, true, 5, 1, 3), 1)));
  }

  @Test
  void theEasiestLevelsForTodayAfterAStopAboveTheCeiling() {
    assertEquals("After pain went above the limit (8 above 5), every later exercise starts at"
        + " its easiest level, for today only", say(new Reason.EasiestToday(8, 5)));
  }

  @Test
  void aStopForTodaySaysWhy() {
    assertEquals("Pain went from 2 to 8, above the limit of 5, at \"Lying slider\": the session"
        + " stops for today", say(new Reason.StopToday(new Rise(2, 8, true, 5, -1, -1), 1,
            false)));
    assertEquals("The symptoms spread (buttock -> below the knee), at \"Seated slider\": the"
        + " session stops for today", say(new Reason.StopToday(new Rise(3, 3, false, -1, 2, 4),
            0, false)));
    assertEquals("A second exercise stopped at \"Lying slider\" because pain went from 2 to 5:"
        + " the session stops for today", say(new Reason.StopToday(new Rise(2, 5, true, -1, -1,
            -1), 1, true)));
    assertEquals("A second exercise stopped at \"Seated slider\" because the symptoms spread"
        + " (back -> thigh): the session stops for today", say(new Reason.StopToday(new Rise(2, 2,
            false, -1, 1, 3), 0, true)));
  }

  @Test
  void theNewReasonsInSpanish() {
    Messages es = Messages.of(Language.SPANISH);
    assertEquals("El dolor pasó de 2 a 8, más del límite de 5: el ejercicio se detuvo en"
        + " «Seated slider»", Reasons.text(es, new Reason.Stopped(new Rise(2, 8, true, 5, -1,
            -1), 0), GLIDE, REGIONS));
    assertEquals("Los síntomas se extendieron (buttock -> foot), en «Lying slider»: la sesión se"
        + " detiene por hoy", Reasons.text(es, new Reason.StopToday(new Rise(3, 3, false, -1, 2,
            5), 1, false), GLIDE, REGIONS));
    assertEquals("Se detuvo un segundo ejercicio en «Lying slider» porque el dolor pasó de 2 a"
        + " 5: la sesión se detiene por hoy", Reasons.text(es, new Reason.StopToday(new Rise(2, 5,
            true, -1, -1, -1), 1, true), GLIDE, REGIONS));
    assertEquals("Después de que el dolor superara el límite (8, más de 5), cada ejercicio"
        + " siguiente empieza en su nivel más fácil, solo por hoy",
        Reasons.text(es, new Reason.EasiestToday(8, 5), GLIDE, REGIONS));
    assertEquals("un médico le ha dicho que puede hacer ejercicio", Reasons.detail(es,
        RecordKind.CLEARANCE, RecordKind.CLEARED, null, List.of()));
    assertEquals("sí a una señal de una causa grave: " + es.get("serious.fever"),
        Reasons.detail(es, RecordKind.SERIOUS_SIGNS, "fever", null, List.of()));
  }

  @Test
  void withoutTheRoutineLevelsAndRegionsAreNumbered() {
    assertEquals("Pain 2 -> 5; symptoms reach further: region 2 -> region 3: from level 0 to"
        + " the easier level 1", Reasons.english(RecordKind.SWITCH,
            "easier pain=2>5 number spread=2>3 level=0>1"));
  }

  @Test
  void historyDetailsAreCodesPutIntoWordsAndOldSentencesStayAsTheyAre() {
    assertEquals("Pain before starting was 7, above the limit of 5",
        Reasons.english(RecordKind.CONTACT, "high-start-stop pain=7 limit=5"));
    String old = "Pain 2 -> 4: from \"Seated slider\" to the easier \"Lying slider\"";
    assertEquals(old, Reasons.english(RecordKind.SWITCH, old));
    assertEquals("not worse", Reasons.english(RecordKind.NEXT_MORNING, RecordKind.NOT_WORSE));
    assertEquals("started fresh", Reasons.english(RecordKind.RESUME, RecordKind.STARTED_FRESH));
    assertEquals("bladder", Reasons.english(RecordKind.RED_FLAG, "bladder"));
    assertEquals("", Reasons.english(RecordKind.SWITCH, null));
  }

  @Test
  void theNewEventsOfTheHistoryInWords() {
    assertEquals("Pain went from 2 to 8, above the limit of 5: the exercise stopped at level 0",
        Reasons.english(RecordKind.CONTACT, "stopped pain=2>8 number limit=5 level=0"));
    assertEquals("Pain went from 2 to 8, above the limit of 5, at level 3: the session stops"
        + " for today", Reasons.english(RecordKind.STOP_TODAY, "today pain=2>8 number limit=5"
            + " level=3"));
    assertEquals("The symptoms spread (region 2 -> region 4), at level 1: the session stops for"
        + " today", Reasons.english(RecordKind.STOP_TODAY, "today pain=3>3 spread=2>4 level=1"));
    assertEquals("Pain before starting was 7, above the limit of 5",
        Reasons.english(RecordKind.STOP_TODAY, "high-start-stop pain=7 limit=5"));
    assertEquals("After pain went above the limit (8 above 5), every later exercise starts at"
        + " its easiest level, for today only",
        Reasons.english(RecordKind.SWITCH, "easiest-today pain=8 limit=5"));
    assertEquals("seen by a doctor and told they may exercise",
        Reasons.english(RecordKind.CLEARANCE, RecordKind.CLEARED));
    assertEquals("not told by a doctor that they may exercise",
        Reasons.english(RecordKind.CLEARANCE, RecordKind.NOT_CLEARED));
    assertEquals("none of the signs of a serious cause",
        Reasons.english(RecordKind.SERIOUS_SIGNS, RecordKind.NONE_OF_THEM));
    assertEquals("yes to a sign of a serious cause: Have you lost weight recently without"
        + " trying?", Reasons.english(RecordKind.SERIOUS_SIGNS, "weight-loss"));
    assertEquals("yes to a sign of a serious cause: gone-sign",
        Reasons.english(RecordKind.SERIOUS_SIGNS, "gone-sign"));
    assertEquals("stopped by hand", Reasons.english(RecordKind.STOP_TODAY, "stopped by hand"));
  }
}
