package coach.tui.view;

import java.util.List;

/**
 * How the patient's practice stands, for the welcome screen: this week's days against the
 * routine's frequency, the streak, and the pain before the last sessions.
 *
 * @param target days a week the routine asks for (7 for daily)
 * @param done for Monday to Sunday of this week, whether a session was done that day
 * @param today today's index in {@code done}, 0 for Monday
 * @param streak the current streak: days in a row with a session (weeks in a row that met the
 *     target when the routine asks for fewer than 7 days), up to today or yesterday (last week)
 * @param pain the pain before starting of the last sessions that have one, oldest first (at most
 *     {@link #PAIN_SESSIONS})
 */
public record Week(int target, List<Boolean> done, int today, int streak, List<Integer> pain) {
  /** How many of the last sessions the pain line shows. */
  public static final int PAIN_SESSIONS = 5;

  public Week {
    done = List.copyOf(done);
    pain = List.copyOf(pain);
  }

  /** Days of this week with a session. */
  public int daysDone() {
    return (int) done.stream().filter(d -> d).count();
  }

  /** The streak counts weeks (a routine asked for fewer than 7 days a week), not days. */
  public boolean streakInWeeks() {
    return target < 7;
  }
}
