package coach.tui;

/** Something that says words aloud without making its caller wait. */
@FunctionalInterface
public interface Voice {
  /** Says the text, later or not at all (a newer one may replace it); returns at once. */
  void say(String text);
}
