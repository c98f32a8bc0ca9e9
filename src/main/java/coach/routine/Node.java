package coach.routine;

import java.util.LinkedHashMap;
import java.util.List;

/** A parsed document that remembers where each value stood, so problems can name a position. */
public sealed interface Node permits Node.Map, Node.Seq, Node.Scalar {
  int line();

  int column();

  /** Field name to its entry, in file order. */
  record Map(int line, int column, LinkedHashMap<String, Entry> fields) implements Node {}

  record Entry(int line, int column, Node value) {}

  record Seq(int line, int column, List<Node> items) implements Node {}

  /**
   * @param value a String, Long, Double, Boolean, or null
   */
  record Scalar(int line, int column, Object value) implements Node {}
}
