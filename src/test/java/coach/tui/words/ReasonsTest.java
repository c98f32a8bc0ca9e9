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
}
