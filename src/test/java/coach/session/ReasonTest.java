package coach.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The stored form of a reason: every reason reads back as itself; anything else reads as none. */
class ReasonTest {
  @Provide
  Arbitrary<Reason> reasons() {
    Arbitrary<Integer> n = Arbitraries.integers().between(0, 12);
    Arbitrary<Rise> rises = Combinators.combine(n, n, Arbitraries.of(true, false),
            n.injectNull(0.5), Arbitraries.integers().between(0, 5).injectNull(0.5),
            Arbitraries.integers().between(1, 6))
        .as((from, to, number, limit, spreadFrom, up) -> new Rise(from, to, number,
            limit == null ? -1 : limit, spreadFrom == null ? -1 : spreadFrom,
            spreadFrom == null ? -1 : spreadFrom + up));
    return Arbitraries.oneOf(
        Combinators.combine(rises, n, n).as(Reason.Easier::new),
        Combinators.combine(rises, n).as(Reason.AtEasiest::new),
        Arbitraries.just(new Reason.MorningWorse()),
        n.map(Reason.HarderTaken::new),
        Combinators.combine(n, n).as(Reason.HighStartEasier::new),
        Combinators.combine(n, n).as(Reason.HighStartStop::new));
  }

  @Property
  void everyReasonReadsBackFromItsCode(@ForAll("reasons") Reason r) {
    assertEquals(Optional.of(r), Reason.parse(r.code()));
  }

  @Test
  void theDocumentedCodesRead() {
    assertEquals(Optional.of(new Reason.Easier(new Rise(2, 5, true, 5, 1, 3), 0, 1)),
        Reason.parse("easier pain=2>5 number limit=5 spread=1>3 level=0>1"));
    assertEquals(Optional.of(new Reason.AtEasiest(new Rise(2, 6, true, 5, -1, -1), 2)),
        Reason.parse("easiest pain=2>6 number limit=5 level=2"));
    assertEquals(Optional.of(new Reason.MorningWorse()), Reason.parse("morning-worse"));
    assertEquals(Optional.of(new Reason.HarderTaken(2)), Reason.parse("harder sessions=2"));
    assertEquals(Optional.of(new Reason.HighStartEasier(7, 5)),
        Reason.parse("high-start-easier pain=7 limit=5"));
    assertEquals(Optional.of(new Reason.HighStartStop(7, 5)),
        Reason.parse("high-start-stop pain=7 limit=5"));
  }

  @Test
  void sentencesOlderVersionsStoredAreNoCodes() {
    for (String old : List.of("Pain 2 -> 4: from \"Seated\" to the easier \"Lying\"",
        "Pain before starting was 7, above the limit of 5", "worse", "not worse",
        "pain was worse the morning after the last session", "easier", "easier pain=2>",
        "harder sessions=two", "easier pain=2>4 level=0", "easiest pain=1>2 level=0 level=1",
        "", "bladder")) {
      assertEquals(Optional.empty(), Reason.parse(old), old);
    }
  }
}
