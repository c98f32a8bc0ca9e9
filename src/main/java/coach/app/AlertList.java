package coach.app;

import coach.store.AlertOutbox;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The alerts for the clinician as {@code coach alerts} shows them: in lines for a person, most
 * urgent first as the history gives them, with the facts behind each; or as JSON.
 */
public final class AlertList {
  /**
   * Local times as "2026-11-26 09:30", made when first used: the time zone is read then, not
   * when the command line is read (every start makes every command).
   */
  private static final class Local {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
        .withZone(ZoneId.systemDefault());
  }

  private AlertList() {}

  /** The alerts in lines for a person (an empty list said so), a block at a time. */
  public static void text(List<AlertOutbox.AlertRow> alerts, boolean all, PrintStream out) {
    if (alerts.isEmpty()) {
      out.println(all ? "No alerts." : "No open alerts.");
      return;
    }
    // written a block at a time: a clinic's thousands of alerts, not a write a line
    StringBuilder b = new StringBuilder(alerts.size() + (all ? " alert" : " open alert")
        + (alerts.size() == 1 ? "" : "s") + ", most urgent first:\n");
    java.util.Map<coach.store.AlertKind, String> words = new java.util.EnumMap<>(
        coach.store.AlertKind.class);
    for (AlertOutbox.AlertRow a : alerts) {
      String what = words.computeIfAbsent(a.kind(), k -> (k.urgent() ? "URGENT " : "")
          + AlertWords.of(k));
      b.append("  #");
      pad(b, Long.toString(a.id()), 5).append(' ');
      pad(b, AsciiText.printable(a.patient()), 12).append(' ');
      pad(b, what, 34).append(' ').append(Local.WHEN.format(a.raised())).append('\n');
      b.append("         ").append(AsciiText.printable(a.facts())).append('\n');
      if (!a.open()) {
        b.append("         acknowledged by ").append(AsciiText.printable(a.by())).append(" at ")
            .append(Local.WHEN.format(a.acknowledged())).append(a.note() == null ? ""
                : ": " + AsciiText.printable(a.note())).append('\n');
      }
      if (b.length() > 1 << 16) {
        out.print(b);
        b.setLength(0);
      }
    }
    out.print(b);
    out.flush();
  }

  /** The text, then spaces up to {@code width} (as %-Ns would, without a formatter a line). */
  private static StringBuilder pad(StringBuilder b, String s, int width) {
    b.append(s);
    for (int i = s.length(); i < width; i++) {
      b.append(' ');
    }
    return b;
  }

  /** The alerts as a JSON array, for another program. */
  public static String json(List<AlertOutbox.AlertRow> alerts) {
    ObjectMapper m = new ObjectMapper();
    ArrayNode out = m.createArrayNode();
    for (AlertOutbox.AlertRow a : alerts) {
      ObjectNode n = out.addObject();
      n.put("id", a.id());
      n.put("patient", a.patient());
      n.put("kind", a.kind().name());
      n.put("urgent", a.kind().urgent());
      n.put("what", AlertWords.of(a.kind()));
      n.put("raised", a.raised().toString());
      n.put("facts", a.facts());
      n.put("acknowledged", a.acknowledged() == null ? null : a.acknowledged().toString());
      n.put("by", a.by());
      n.put("note", a.note());
      n.put("delivered", a.delivered() == null ? null : a.delivered().toString());
    }
    return out.toPrettyString();
  }
}
