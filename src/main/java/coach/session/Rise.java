package coach.session;

/**
 * Why a rating counted as a rise in pain (GUIDE section 3): the parts that made it one, with
 * their numbers. At least one of the three parts is there.
 *
 * @param from the reference the rating was judged against (see {@link PainPolicy})
 * @param to the rating
 * @param byNumber the rating is above the safe zone and far enough above the reference
 * @param limit the ceiling the rating is above, or -1 when it is not above one
 * @param spreadFrom when the symptoms reach further than the reference: the reference's region
 *     rank (0 for no symptoms); else -1
 * @param spreadTo the region rank the symptoms reach now, or -1 when they did not spread
 */
public record Rise(int from, int to, boolean byNumber, int limit, int spreadFrom, int spreadTo) {
  /** Whether the rating is above the routine's ceiling. */
  public boolean aboveLimit() {
    return limit >= 0;
  }

  /** Whether the symptoms reach further than the reference. */
  public boolean spread() {
    return spreadTo >= 0;
  }
}
