package coach.session;

/**
 * A change of level during the session, for the switch screen and the summary.
 *
 * @param harder true when the harder level was taken back (offered after sessions without an
 *     increase); false when pain moved the exercise to an easier level
 */
public record SwitchNote(String exerciseId, int fromLevel, int toLevel, Reason reason,
    boolean harder) {}
