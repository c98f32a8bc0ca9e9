package coach.routine;

/** One yes/no screening question; "yes" means stop and seek urgent care. */
public record RedFlag(String id, String question) {}
