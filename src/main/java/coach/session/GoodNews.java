package coach.session;

/**
 * The symptoms reach less far than the reference did (they moved back toward the back): said on
 * the next screens.
 *
 * @param fromRegion the reference's region rank
 * @param toRegion the region rank now (0 for no symptoms)
 */
public record GoodNews(int fromRegion, int toRegion) {}
