package coach.routine;

import java.util.List;

/**
 * Screening questions asked before each session; any "yes" ends exercise and shows {@code advice}.
 */
public record RedFlags(List<RedFlag> questions, String advice) {
  public RedFlags {
    questions = List.copyOf(questions);
  }
}
