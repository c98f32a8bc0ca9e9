package coach.app.report;

import java.time.LocalDate;
import java.util.List;

/**
 * One patient's record for the therapist, read from the history once ({@link ReportReader}) and
 * then drawn by either renderer: {@link TextReport} (the terminal, the clinic board) or
 * {@link HtmlReport} (a file to keep or print). Every text in it is already safe to show
 * (controls written out as {@code \\uXXXX}); the HTML renderer escapes it as well.
 *
 * @param patient the patient id as the history keeps it
 * @param routine the routine of the last session shown
 * @param asked the days asked for (either end may be null: open)
 * @param first the day of the first session shown
 * @param last the day of the last session shown
 * @param sessions every session shown, oldest first
 * @param outcomes how the sessions ended, as "2 completed", "1 interrupted"
 * @param frequency what the routine asks for, with its days a week (unknown without it)
 * @param weeks each week with a session: the days it had one, against the frequency
 * @param baselines every pain rating before exercise, in order
 * @param exercises per exercise: its ratings, where symptoms reached, its levels and changes
 * @param changes every change of level, oldest first
 * @param alerts the alerts raised in the days asked for (up to now when no end was asked for,
 *     so one about sessions missed after the last is there), with who acknowledged them
 */
public record Report(
    String patient,
    RoutineLine routine,
    Range asked,
    LocalDate first,
    LocalDate last,
    List<SessionLine> sessions,
    List<String> outcomes,
    Frequency frequency,
    List<WeekLine> weeks,
    List<Integer> baselines,
    List<ExerciseLine> exercises,
    List<Dated> changes,
    List<Dated> seriousSigns,
    List<Dated> redFlags,
    List<Dated> clearances,
    List<Dated> contacts,
    List<Dated> stops,
    List<AlertLine> alerts,
    List<Dated> mornings) {

  /** The routine: its id, and its title and version when it can still be found. */
  public record RoutineLine(String id, String title, int version) {
    public boolean known() {
      return title != null;
    }
  }

  /** The days asked for; null ends are open. */
  public record Range(LocalDate from, LocalDate to) {
    public boolean open() {
      return from == null && to == null;
    }
  }

  /**
   * What the routine asks for.
   *
   * @param words the exercises' frequencies as written ("daily"), or null when not known
   * @param daysPerWeek the days a week they ask for, or 0 when the routine cannot be found
   */
  public record Frequency(String words, int daysPerWeek) {}

  /**
   * A week (Monday to Sunday) with at least one session.
   *
   * @param label the ISO week, as 2026-W49
   * @param days the days with exercise (a session that ended finished or stopped for pain, or
   *     that rated an exercise), as the welcome screen and the clinic board count them
   * @param sessions the sessions begun that week, exercised or not
   */
  public record WeekLine(String label, LocalDate monday, int days, int sessions) {}

  /**
   * One session.
   *
   * @param index its place among the sessions shown, from 0
   * @param outcome how it ended, in words ("completed", "interrupted")
   * @param baseline the pain before exercise, or null when none was given
   * @param highest the highest pain rated during the exercises, or null when none was
   * @param furthest where the symptoms reached furthest in it, or null when nowhere was said
   */
  public record SessionLine(int index, LocalDate day, String time, String outcome,
      Integer baseline, Integer highest, String furthest) {}

  /**
   * One exercise over the sessions shown.
   *
   * @param ratings every rating after a set (or the exercise), in order
   * @param reached where the symptoms reached, each place with how many ratings said so, the
   *     furthest from the spine last (empty when it was never asked)
   * @param levels the exercise's level names, prescribed first (numbers when the routine is not
   *     at hand): the level chart's rows
   * @param track where the exercise was done: per session, its level at the start and at the
   *     end (a session that did not rate it and changed nothing is left out)
   * @param changes its changes of level, oldest first, numbered from 1 as the chart marks them
   * @param stops the times it was stopped (the contact options shown), as the chart marks them
   */
  public record ExerciseLine(String id, String name, List<Integer> ratings,
      List<Reached> reached, List<String> levels, List<LevelSpan> track, List<Change> changes,
      List<Stop> stops) {}

  /** Symptoms reaching a place, in so many ratings. */
  public record Reached(String region, int ratings) {}

  /** An exercise's level through one session: where it started, its changes, where it ended. */
  public record LevelSpan(int session, int start, int end) {}

  /**
   * A change of level.
   *
   * @param n its number on the exercise's chart, from 1
   * @param session the index of its session
   * @param order its place among the session's changes and stops of this exercise, from 0
   * @param of how many changes and stops of this exercise the session had
   */
  public record Change(int n, int session, int order, int of, LocalDate day, int from, int to,
      String fromName, String toName, String reason) {}

  /** An exercise stopped in a session (placed on its chart as a change is). */
  public record Stop(int session, int order, int of, LocalDate day, String reason) {}

  /** A dated line: an answer, a stop, a change, with the exercise it is about (or null). */
  public record Dated(LocalDate day, String exercise, String text) {}

  /**
   * An alert for the clinician.
   *
   * @param acknowledged the day it was acknowledged, or null while it is open
   * @param by who acknowledged it, or null
   * @param note what they noted, or null
   */
  public record AlertLine(LocalDate raised, String what, String facts, LocalDate acknowledged,
      String by, String note) {}
}
