package coach.session;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Writes and reads the stored form of a {@link Reason} (the format is on that interface). */
final class ReasonCode {
  private static final Pattern NAME = Pattern.compile("[a-z]+");
  private static final Pattern NUMBERS = Pattern.compile("\\d{1,9}(>\\d{1,9})?");

  private final Map<String, int[]> fields;

  private ReasonCode(Map<String, int[]> fields) {
    this.fields = fields;
  }

  /** The fields of a rise: "pain=R>V", then "number", "limit=L", "spread=A>B" as they apply. */
  static String rise(Rise r) {
    StringBuilder sb = new StringBuilder("pain=").append(r.from()).append('>').append(r.to());
    if (r.byNumber()) {
      sb.append(" number");
    }
    if (r.aboveLimit()) {
      sb.append(" limit=").append(r.limit());
    }
    if (r.spread()) {
      sb.append(" spread=").append(r.spreadFrom()).append('>').append(r.spreadTo());
    }
    return sb.toString();
  }

  static Optional<Reason> parse(String code) {
    if (code == null || code.isEmpty()) {
      return Optional.empty();
    }
    List<String> tokens = List.of(code.split(" ", -1));
    Map<String, int[]> fields = new HashMap<>();
    for (String t : tokens.subList(1, tokens.size())) {
      String[] nv = t.split("=", 2);
      if (!NAME.matcher(nv[0]).matches() || fields.containsKey(nv[0])
          || (nv.length == 2 && !NUMBERS.matcher(nv[1]).matches())) {
        return Optional.empty();
      }
      int[] numbers = new int[0];
      if (nv.length == 2) {
        String[] ab = nv[1].split(">");
        numbers = new int[ab.length];
        for (int i = 0; i < ab.length; i++) {
          numbers[i] = Integer.parseInt(ab[i]);
        }
      }
      fields.put(nv[0], numbers);
    }
    return Optional.ofNullable(new ReasonCode(fields).reason(tokens.get(0)));
  }

  /** The reason of a kind from these fields, or null when a field it needs is missing. */
  private Reason reason(String kind) {
    return switch (kind) {
      case "easier" -> has("level", 2) && rise() != null
          ? new Reason.Easier(rise(), get("level", 0), get("level", 1)) : null;
      case "easiest" -> has("level", 1) && rise() != null
          ? new Reason.AtEasiest(rise(), get("level", 0)) : null;
      case "stopped" -> has("level", 1) && rise() != null
          ? new Reason.Stopped(rise(), get("level", 0)) : null;
      case "easiest-today" -> has("pain", 1) && has("limit", 1)
          ? new Reason.EasiestToday(get("pain", 0), get("limit", 0)) : null;
      case "today" -> has("level", 1) && absentOr("second", 0) && rise() != null
          ? new Reason.StopToday(rise(), get("level", 0), fields.containsKey("second")) : null;
      case "morning-worse" -> new Reason.MorningWorse();
      case "harder" -> has("sessions", 1) ? new Reason.HarderTaken(get("sessions", 0)) : null;
      case "high-start-easier" -> has("pain", 1) && has("limit", 1)
          ? new Reason.HighStartEasier(get("pain", 0), get("limit", 0)) : null;
      case "high-start-stop" -> has("pain", 1) && has("limit", 1)
          ? new Reason.HighStartStop(get("pain", 0), get("limit", 0)) : null;
      default -> null;
    };
  }

  private boolean has(String name, int numbers) {
    return fields.containsKey(name) && fields.get(name).length == numbers;
  }

  /** Present with this many numbers, or absent. */
  private boolean absentOr(String name, int numbers) {
    return !fields.containsKey(name) || has(name, numbers);
  }

  private int get(String name, int i) {
    return fields.get(name)[i];
  }

  private Rise rise() {
    if (!has("pain", 2) || !absentOr("number", 0) || !absentOr("limit", 1)
        || !absentOr("spread", 2)) {
      return null;
    }
    boolean spread = fields.containsKey("spread");
    return new Rise(get("pain", 0), get("pain", 1), fields.containsKey("number"),
        fields.containsKey("limit") ? get("limit", 0) : -1, spread ? get("spread", 0) : -1,
        spread ? get("spread", 1) : -1);
  }
}
