package coach.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.routine.PainRule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pain rule against an oracle written from the table of GUIDE section 3 (third version),
 * over every small input: each reference (0-10, regions 0-5), start, rating and region, at the
 * easiest level or not, with another exercise stopped already or not, for increaseBy 1-3,
 * ceilings 4-6, and with or without a region that stops the session for today.
 */
class PainRuleOracleTest {
  private static final int SAFE = 3;
  /** "below the knee" among back, buttock, thigh, below the knee, foot. */
  private static final int BELOW_THE_KNEE = 4;

  enum Expect { NONE, EASIER, STOP_EXERCISE, STOP_TODAY }

  /**
   * The guide's rows, read in order: a session that started above the ceiling ("any rating above
   * the start stops for today"); above the ceiling ("stops the exercise at once ... above the
   * ceiling at the easiest level ... stop for today"); spread ("stop the exercise at once ...
   * reaching spreadStopsTodayAt ... stops for today"); centralisation ("a higher number at the
   * same time is not a rise unless above the ceiling"); minimal pain and rise ("above safeUpTo
   * and at least increaseBy above the reference: the next easier level"); a rise at the easiest
   * level ("the exercise stops"); and "a second exercise stopped" stops for today.
   */
  static Expect oracle(int increaseBy, int ceiling, int stopRank, int refValue, int refRegion,
      int start, int value, int region, boolean easiest, boolean anotherStopped) {
    return oracle(increaseBy, SAFE, ceiling, stopRank, refValue, refRegion, start, value, region,
        easiest, anotherStopped);
  }

  /** As above, with another safe zone. */
  static Expect oracle(int increaseBy, int safe, int ceiling, int stopRank, int refValue,
      int refRegion, int start, int value, int region, boolean easiest,
      boolean anotherStopped) {
    boolean highStart = start > ceiling;
    boolean spread = region > refRegion;
    boolean today = false;
    boolean stops = false;
    boolean easier = false;
    if (highStart) {
      if (value > start) {
        today = true;
      }
    } else if (value > ceiling) {
      if (easiest) {
        today = true;
      } else {
        stops = true;
      }
    }
    if (spread) {
      if (stopRank > 0 && region >= stopRank) {
        today = true;
      } else {
        stops = true;
      }
    }
    boolean centralised = region < refRegion;
    boolean rise = !highStart && !centralised && value > safe && value - refValue >= increaseBy;
    if (rise && !today && !stops) {
      if (easiest) {
        stops = true;
      } else {
        easier = true;
      }
    }
    if (today) {
      return Expect.STOP_TODAY;
    }
    if (stops) {
      return anotherStopped ? Expect.STOP_TODAY : Expect.STOP_EXERCISE;
    }
    return easier ? Expect.EASIER : Expect.NONE;
  }

  static List<Arguments> rules() {
    List<Arguments> out = new ArrayList<>();
    for (int by = 1; by <= 3; by++) {
      for (int ceiling = 4; ceiling <= 6; ceiling++) {
        for (int stopRank : new int[] {0, BELOW_THE_KNEE}) {
          out.add(Arguments.of(by, ceiling, stopRank));
        }
      }
    }
    return out;
  }

  @ParameterizedTest(name = "increaseBy {0}, ceiling {1}, stop-today region {2}")
  @MethodSource("rules")
  void everySmallInputIsJudgedAsTheGuideSays(int by, int ceiling, int stopRank) {
    PainRule rule = PainRule.of(by, true, ceiling, PainRule.AskAfter.SET).withSafeUpTo(SAFE)
        .withSpreadStopsTodayAt(stopRank == 0 ? null : PainRule.DEFAULT_REGIONS.get(stopRank - 1));
    PainPolicy policy = new PainPolicy(rule);
    int checked = 0;
    for (int refValue = 0; refValue <= 10; refValue++) {
      for (int refRegion = 0; refRegion <= 5; refRegion++) {
        for (int start = 0; start <= 10; start++) {
          for (int value = 0; value <= 10; value++) {
            for (int region = 0; region <= 5; region++) {
              for (boolean easiest : new boolean[] {false, true}) {
                for (int stopped = 0; stopped <= 1; stopped++) {
                  Expect want = oracle(by, ceiling, stopRank, refValue, refRegion, start, value,
                      region, easiest, stopped > 0);
                  PainPolicy.Verdict got = policy.judge(
                      new PainPolicy.Reference(refValue, refRegion), start, value, region,
                      easiest, stopped);
                  if (want != Expect.valueOf(got.action().name())) {
                    assertEquals(want, Expect.valueOf(got.action().name()), String.format(
                        "ref %d/%d start %d rating %d region %d easiest %b stopped %d",
                        refValue, refRegion, start, value, region, easiest, stopped));
                  }
                  checked++;
                }
              }
            }
          }
        }
      }
    }
    assertEquals(11 * 6 * 11 * 11 * 6 * 2 * 2, checked);
  }

  @ParameterizedTest(name = "increaseBy {0}, ceiling {1}, stop-today region {2}")
  @MethodSource("rules")
  void aStopAboveTheCeilingOrForASpreadAsksTheRedFlagsAgainAndOnlyThen(int by, int ceiling,
      int stopRank) {
    PainRule rule = PainRule.of(by, true, ceiling, PainRule.AskAfter.SET)
        .withSpreadStopsTodayAt(stopRank == 0 ? null : PainRule.DEFAULT_REGIONS.get(stopRank - 1));
    PainPolicy policy = new PainPolicy(rule);
    for (int refValue = 0; refValue <= 10; refValue++) {
      for (int value = 0; value <= 10; value++) {
        for (int region = 0; region <= 5; region++) {
          PainPolicy.Verdict v = policy.judge(new PainPolicy.Reference(refValue, 2), 2, value,
              region, false, 0);
          boolean beyond = value > ceiling || region > 2;
          assertEquals(beyond, v.asksRedFlags(), refValue + " -> " + value + " region " + region);
          if (beyond) {
            assertTrue(v.action() == PainPolicy.Action.STOP_EXERCISE
                || v.action() == PainPolicy.Action.STOP_TODAY, "no step down beyond the band");
          }
        }
      }
    }
  }
}
