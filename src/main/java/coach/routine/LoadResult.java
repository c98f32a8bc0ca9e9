package coach.routine;

import java.util.List;

/**
 * What loading a routine file gave: the routine when the file is valid, else every problem.
 *
 * @param sha256 hex SHA-256 of the file's bytes (null when it could not be read)
 */
public record LoadResult(String source, Routine routine, List<Problem> problems, String sha256) {
  public LoadResult {
    problems = List.copyOf(problems);
  }

  public boolean ok() {
    return routine != null && problems.isEmpty();
  }
}
