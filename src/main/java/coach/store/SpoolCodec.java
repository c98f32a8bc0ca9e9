package coach.store;

import coach.session.Outcome;
import coach.session.Rating;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One entry as one line of JSON in the spool, and back. */
final class SpoolCodec {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SpoolCodec() {}

  static String line(Entry e) {
    ObjectNode n = JSON.createObjectNode();
    n.put("session", e.sessionId());
    n.put("at", e.at().toString());
    if (e instanceof Entry.Begin b) {
      n.put("type", "begin");
      n.put("patient", b.patient());
      n.put("routine", b.routineId());
      n.put("hash", b.routineHash());
      n.put("host", b.host());
      n.put("pid", b.pid());
      ObjectNode levels = n.putObject("levels");
      b.levels().forEach(levels::put);
    } else if (e instanceof Entry.RatingEntry r) {
      Rating x = r.rating();
      n.put("type", "rating");
      n.put("seq", r.seq());
      n.put("kind", x.kind().name());
      n.put("exercise", x.exerciseId());
      n.put("level", x.level());
      n.put("levelId", x.levelId());
      n.put("set", x.set());
      n.put("round", x.round());
      n.put("roundLabel", x.roundLabel());
      n.put("value", x.value());
      n.put("region", x.region());
    } else if (e instanceof Entry.EventEntry ev) {
      n.put("type", "event");
      n.put("seq", ev.seq());
      n.put("kind", ev.kind().name());
      n.put("exercise", ev.exerciseId());
      n.put("from", ev.fromLevel());
      n.put("to", ev.toLevel());
      n.put("detail", ev.detail());
    } else if (e instanceof Entry.Progress p) {
      n.put("type", "progress");
      n.put("exercise", p.exercise());
      n.put("set", p.set());
      n.put("round", p.round());
    } else if (e instanceof Entry.End end) {
      n.put("type", "end");
      n.put("outcome", end.outcome().name());
    } else if (e instanceof Entry.Settle) {
      n.put("type", "settle");
    }
    return n.toString();
  }

  /**
   * Reads one line back.
   *
   * @throws IOException when the line is not a whole entry (the last line of a spool cut off by
   *     a crash, say)
   */
  static Entry entry(String line) throws IOException {
    try {
      JsonNode n = JSON.readTree(line);
      String session = n.get("session").asText();
      Instant at = Instant.parse(n.get("at").asText());
      switch (n.get("type").asText()) {
        case "begin": {
          Map<String, Integer> levels = new LinkedHashMap<>();
          n.get("levels").fields().forEachRemaining(f -> levels.put(f.getKey(),
              f.getValue().asInt()));
          return new Entry.Begin(session, at, n.get("patient").asText(),
              n.get("routine").asText(), n.get("hash").asText(), n.get("host").asText(),
              n.get("pid").asLong(), Map.copyOf(levels));
        }
        case "rating":
          return new Entry.RatingEntry(session, at, n.get("seq").asInt(), new Rating(
              Rating.Kind.valueOf(n.get("kind").asText()), text(n, "exercise"),
              n.get("level").asInt(), text(n, "levelId"), n.get("set").asInt(),
              n.get("round").asInt(), n.get("roundLabel").asText(), n.get("value").asInt(),
              text(n, "region")));
        case "event":
          return new Entry.EventEntry(session, at, n.get("seq").asInt(),
              RecordKind.valueOf(n.get("kind").asText()), text(n, "exercise"),
              n.get("from").asInt(), n.get("to").asInt(), text(n, "detail"));
        case "progress":
          return new Entry.Progress(session, at, n.get("exercise").asInt(),
              n.get("set").asInt(), n.get("round").asInt());
        case "end":
          return new Entry.End(session, at, Outcome.valueOf(n.get("outcome").asText()));
        case "settle":
          return new Entry.Settle(session, at);
        default:
          throw new IOException("unknown entry type " + n.get("type"));
      }
    } catch (RuntimeException e) {
      throw new IOException("not a whole entry", e);
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
