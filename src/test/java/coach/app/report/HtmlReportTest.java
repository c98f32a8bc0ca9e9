package coach.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.session.Outcome;
import coach.session.Rating;
import coach.session.Reason;
import coach.session.Rise;
import coach.store.AlertKind;
import coach.store.HistoryStore;
import coach.store.RecordKind;
import coach.store.SqliteHistoryStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The therapist's report of a recorded fortnight ({@link TherapistHistory}) as HTML, read back
 * with jsoup: every section there with its facts, the charts' points and marks, the same words
 * as the text report (both compared with golden files; {@code -Dgolden.update=true} rewrites
 * them, then read the diff), hostile text from a history shown as text and never as markup, and
 * a long history whose chart still marks every change of level.
 */
class HtmlReportTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");
  private static final LocalDate MADE = LocalDate.of(2026, 11, 20);

  @TempDir Path dir;

  private Report fortnight() throws Exception {
    try (HistoryStore store = TherapistHistory.open(dir, TherapistHistory.PATIENT)) {
      return ReportReader.read(store, TherapistHistory.PATIENT, TherapistHistory.routines(),
          null, null, ZoneOffset.UTC).orElseThrow();
    }
  }

  @Test
  void everySectionIsThereWithItsFacts() throws Exception {
    Report r = fortnight();
    Document d = Jsoup.parse(HtmlReport.html(r, MADE));
    assertEquals("Rehab Coach report for patient P-1001", d.selectFirst("#who h1").text());
    assertTrue(d.selectFirst("#who").text().contains("Sciatica relief routine (sciatica),"
        + " version 3"), d.selectFirst("#who").text());
    // days, not sessions: five sessions on four days in the first week
    assertEquals(List.of("2026-W45: 4 of 7 days (5 sessions)",
        "2026-W46: 1 of 7 days (3 sessions)"), texts(d.select("#days li")));
    Element pain = d.selectFirst("#pain");
    assertEquals(1, pain.select("svg.chart").size());
    // 8 sessions: 7 with a rating before exercise, 6 that rated an exercise
    assertEquals(7, pain.select("svg.chart g.mark.before").size());
    assertEquals(6, pain.select("svg.chart g.mark.during").size());
    assertEquals(List.of("2", "1", "3", "2", "2", "3", "2"),
        texts(pain.select("svg.chart g.mark.before text")));
    assertEquals(List.of("6", "1", "3", "2", "2", "3"),
        texts(pain.select("svg.chart g.mark.during text")));
    assertEquals(8, pain.select("tbody tr").size());
    assertEquals(List.of("2026-11-10 09:00", "stopped for pain", "3", "3", "foot"),
        texts(pain.select("tbody tr").get(6).select("td")));
    Elements exercises = d.select("#exercises article.exercise");
    assertEquals(List.of("Cat/Camel series", "Sciatic nerve glide", "Active straight leg raise",
        "Hip CARs (controlled articular rotations)"), texts(exercises.select("h3")));
    Element cat = exercises.get(0);
    assertEquals(2, cat.select("svg g.mark.change").size());
    assertEquals(1, cat.select("svg g.mark.stop").size());
    assertEquals(2, cat.select("ol.changes li").size());
    assertTrue(cat.select("ol.changes li").get(1).text().endsWith("Lying pelvic tilts: pain was"
        + " worse the morning after the last session"), cat.text());
    Element glide = exercises.get(1);
    assertTrue(glide.selectFirst("p.reached").text().endsWith("furthest: foot"), glide.text());
    assertTrue(d.selectFirst("#changes").text().contains("\"Cat/Camel on hands and knees\" ->"
        + " \"Small-range Cat/Camel on hands and knees\" (Pain 2 -> 4"), d.text());
    assertTrue(d.selectFirst("#signs").text().contains("none of the signs of a serious cause"));
    assertTrue(d.selectFirst("#red-flags").text().contains("2026-11-09 bowel-bladder: Have you"
        + " had any new change in bowel or bladder control"), d.selectFirst("#red-flags").text());
    assertTrue(d.selectFirst("#clearances").text().contains("2026-11-10 seen by a doctor"));
    assertEquals(2, d.select("#contacts li").size());
    assertTrue(d.selectFirst("#stops").text().contains("The symptoms spread (buttock -> foot),"
        + " at \"Seated nerve slider\": the session stops for today"));
    List<String> alerts = texts(d.select("#alerts li"));
    assertEquals(2, alerts.size(), alerts.toString());
    assertTrue(alerts.get(0).endsWith("acknowledged by Dr Kim on 2026-11-02: called her; easier"
        + " level agreed"), alerts.toString());
    assertTrue(alerts.get(1).endsWith("open, not acknowledged yet"), alerts.toString());
    assertEquals(List.of("2026-11-03 not worse", "2026-11-04 worse", "2026-11-04 not worse",
        "2026-11-06 not worse"), texts(d.select("#mornings li")));
  }

  /**
   * Where each session took an exercise, from the level it began at to the one it ended at (the
   * history's level table holds where the next session starts, not where this one began).
   */
  @Test
  void eachExercisesLevelsRunFromWhereTheSessionBeganToWhereItEnded() throws Exception {
    Report r = fortnight();
    assertEquals(List.of(new Report.LevelSpan(0, 0, 1), new Report.LevelSpan(1, 1, 1),
        new Report.LevelSpan(2, 1, 2), new Report.LevelSpan(3, 2, 2),
        new Report.LevelSpan(4, 2, 2)), r.exercises().get(0).track());
    assertEquals(List.of(new Report.LevelSpan(2, 1, 2), new Report.LevelSpan(6, 1, 1)),
        r.exercises().get(1).track());
  }

  @Test
  void anAlertRaisedAfterTheLastSessionIsInTheReport() throws Exception {
    try (HistoryStore store = TherapistHistory.open(dir, TherapistHistory.PATIENT)) {
      assertTrue(store.outbox().raise(TherapistHistory.PATIENT, AlertKind.MISSED_SESSIONS, "w",
          "no session since 2026-11-12", TherapistHistory.START.plus(Duration.ofDays(20)))
          .isPresent());
      Report r = ReportReader.read(store, TherapistHistory.PATIENT, TherapistHistory.routines(),
          null, null, ZoneOffset.UTC).orElseThrow();
      assertEquals(3, r.alerts().size(), r.alerts().toString());
      assertEquals(LocalDate.of(2026, 11, 22), r.alerts().get(2).raised());
      Report november = ReportReader.read(store, TherapistHistory.PATIENT,
          TherapistHistory.routines(), null, LocalDate.of(2026, 11, 21), ZoneOffset.UTC)
          .orElseThrow();
      assertEquals(2, november.alerts().size(), "the days asked for end before it");
    }
  }

  @Test
  void thePageNeedsNoScriptNoNetworkAndPrintsOnAnyPaper() throws Exception {
    String html = HtmlReport.html(fortnight(), MADE);
    Document d = Jsoup.parse(html);
    assertTrue(d.select("script, link, img, iframe, object, embed").isEmpty());
    for (Element e : d.getAllElements()) {
      for (org.jsoup.nodes.Attribute a : e.attributes()) {
        assertFalse(a.getKey().toLowerCase().startsWith("on"), e.outerHtml());
        boolean namespace = a.getKey().equals("xmlns");
        assertTrue(namespace || !a.getValue().matches("(?is).*(https?:|//|url\\().*"),
            "nothing fetched: " + a);
      }
    }
    String style = d.selectFirst("style").data();
    assertFalse(style.contains("url("), style);
    assertTrue(style.contains("@page"), style);
    assertTrue(style.contains("@media print"), style);
    assertTrue(d.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content")
        .startsWith("default-src 'none'"));
  }

  /** The words of the page, section by section, as a golden file. */
  @Test
  void theWordsOfThePageAndOfTheTextReportAreTheGoldenOnes() throws Exception {
    Report r = fortnight();
    golden("report-html-words.txt", words(Jsoup.parse(HtmlReport.html(r, MADE))));
    golden("report-text.txt", TextReport.text(r));
  }

  @Test
  void theTextAndThePageSayTheSameLines() throws Exception {
    Report r = fortnight();
    String page = Jsoup.parse(HtmlReport.html(r, MADE)).text();
    for (String line : TextReport.lines(r)) {
      String words = line.strip();
      if (words.endsWith(":")) {
        words = words.substring(0, words.length() - 1); // a heading in the page
      }
      if (words.equals(ReportWords.NONE) || words.isEmpty()) {
        continue;
      }
      assertTrue(page.contains(words.replaceAll("\\s+", " ")), "not in the page: " + words);
    }
  }

  @Test
  void hostileTextFromAHistoryIsShownAsTextNeverAsMarkup() throws Exception {
    String patient = "<script>alert(1)</script>\u001b[31m\u202e";
    String routine = "<img src=x onerror=alert(2)>";
    String detail = "\"><svg onload=alert(3)>&amp;";
    Path file = SqliteHistoryStore.fileIn(dir);
    try (HistoryStore store = SqliteHistoryStore.open(file)) {
      Instant t = TherapistHistory.START;
      String id = "s-hostile";
      store.copy(new HistoryStore.SessionRow(id, patient, routine, "h", t,
          t.plusSeconds(600), Outcome.STOPPED_FOR_PAIN, 0, 0, 0, true, Map.of()),
          List.of(new HistoryStore.RatingRow(id, 1, t.plusSeconds(60), new Rating(
              Rating.Kind.SET, "</title><script>alert(4)</script>", 0, "x", 1, 0, "", 5,
              "<b>thigh</b>"))),
          List.of(new HistoryStore.EventRow(id, 1, t.plusSeconds(120), RecordKind.SWITCH,
                  "</title><script>alert(4)</script>", 0, 1, detail),
              new HistoryStore.EventRow(id, 2, t.plusSeconds(130), RecordKind.RED_FLAG, null,
                  -1, -1, "<iframe src=javascript:alert(5)>"),
              new HistoryStore.EventRow(id, 3, t.plusSeconds(140), RecordKind.STOP_TODAY, null,
                  -1, -1, "\u001b]52;c;ZXZpbA==\u0007")));
      long alert = store.outbox().raise(patient, AlertKind.RED_FLAG, "c", "<script>alert(6)</script>",
          t.plusSeconds(150)).orElseThrow().id();
      store.outbox().acknowledge(alert, "<b onmouseover=alert(7)>Dr</b>", "<script>", t.plusSeconds(200));
      Report r = ReportReader.read(store, patient, x -> Optional.empty(), null, null,
          ZoneOffset.UTC).orElseThrow();
      String html = HtmlReport.html(r, MADE);
      Document d = Jsoup.parse(html);
      assertTrue(d.select("script, img, iframe, b").isEmpty(), html);
      assertTrue(d.select("svg").stream().allMatch(s -> s.hasClass("chart")
          || s.parent().hasClass("legend")), html);
      for (Element e : d.getAllElements()) {
        e.attributes().forEach(a -> assertFalse(a.getKey().startsWith("on"), e.outerHtml()));
      }
      assertFalse(html.contains("\u001b") || html.contains("\u0007") || html.contains("\u202e"));
      // shown as they were, control characters written out
      assertTrue(d.selectFirst("h1").text().endsWith("<script>alert(1)</script>\\u001B[31m"
          + "\\u202E"), d.selectFirst("h1").text());
      assertTrue(d.selectFirst("#who").text().contains(routine), d.selectFirst("#who").text());
      assertTrue(d.selectFirst("#changes").text().contains(detail), d.text());
      assertTrue(d.selectFirst("#stops").text().contains("\\u001B]52;c;ZXZpbA==\\u0007"));
      assertTrue(d.selectFirst("#alerts").text().contains("acknowledged by <b onmouseover="
          + "alert(7)>Dr</b>"), d.selectFirst("#alerts").text());
      String text = TextReport.text(r);
      assertFalse(text.contains("\u001b") || text.contains("\u0007") || text.contains("\u202e"),
          text);
    }
  }

  /**
   * Ninety daily sessions with a change of level every seventh, for a reason each time: the
   * charts are drawn in rows, and every change is still a numbered mark with its reason.
   */
  @Test
  void aChartOfNinetySessionsStillShowsEveryChangeOfLevel() throws Exception {
    Path file = SqliteHistoryStore.fileIn(dir);
    int changes = 0;
    try (HistoryStore store = SqliteHistoryStore.open(file)) {
      int level = 0;
      for (int i = 0; i < 90; i++) {
        Instant t = TherapistHistory.START.plus(Duration.ofDays(i));
        String id = "s" + i;
        List<HistoryStore.RatingRow> ratings = new ArrayList<>();
        List<HistoryStore.EventRow> events = new ArrayList<>();
        ratings.add(new HistoryStore.RatingRow(id, 1, t, new Rating(Rating.Kind.BASELINE, null,
            -1, null, 0, -1, "", i % 4, null)));
        ratings.add(new HistoryStore.RatingRow(id, 2, t.plusSeconds(60), new Rating(
            Rating.Kind.SET, "cat-camel", level, "x", 1, 0, "", 2 + i % 3, "back")));
        if (i % 7 == 3) {
          int to = level == 0 ? 1 : level - 1;
          Reason why = to > level ? new Reason.Easier(new Rise(2, 2 + i % 5, true, -1, -1, -1),
              level, to) : new Reason.HarderTaken(2);
          events.add(new HistoryStore.EventRow(id, 1, t.plusSeconds(90), RecordKind.SWITCH,
              "cat-camel", level, to, why.code()));
          level = to;
          changes++;
        }
        store.copy(new HistoryStore.SessionRow(id, "P-90", "sciatica", "h", t,
            t.plusSeconds(900), Outcome.COMPLETED, 0, 0, 0, true, Map.of("cat-camel", level)),
            ratings, events);
      }
      Report r = ReportReader.read(store, "P-90", TherapistHistory.routines(), null, null,
          ZoneOffset.UTC).orElseThrow();
      Document d = Jsoup.parse(HtmlReport.html(r, MADE));
      assertEquals(3, d.select("#pain svg.chart").size(), "rows of 30 sessions");
      assertEquals(90, d.select("#pain svg.chart g.mark.before").size());
      assertEquals(90, d.select("#pain svg.chart g.mark.during").size());
      Element cat = d.selectFirst("#exercises article.exercise");
      assertEquals(3, cat.select("svg.chart").size());
      Elements marks = cat.select("svg g.mark.change");
      assertEquals(13, changes);
      assertEquals(changes, marks.size());
      List<String> numbers = new ArrayList<>();
      for (int n = 1; n <= changes; n++) {
        numbers.add(Integer.toString(n));
      }
      assertEquals(numbers, texts(marks.select("text")));
      for (Element m : marks) {
        String tip = m.selectFirst("title").text();
        assertTrue(tip.contains(" -> ") && (tip.contains("Pain 2 -> ")
            || tip.contains("harder level")), tip);
      }
      assertEquals(changes, cat.select("ol.changes li").size());
    }
  }

  private static List<String> texts(Elements es) {
    List<String> out = new ArrayList<>();
    es.forEach(e -> out.add(e.text()));
    return out;
  }

  /** The page's words: each heading, paragraph, list item and table row on a line. */
  static String words(Document d) {
    StringBuilder b = new StringBuilder();
    for (Element e : d.body().select("h1, h2, h3, p, li, tr, svg > title")) {
      String line = e.tagName().equals("tr") ? String.join(" | ", texts(e.children()))
          : e.text();
      String indent = switch (e.tagName()) {
        case "h1", "h2" -> "";
        case "h3" -> "  ";
        case "title" -> "  [chart] ";
        default -> "    ";
      };
      if (e.tagName().equals("h2")) {
        b.append('\n');
      }
      b.append(indent).append(line).append('\n');
    }
    return b.toString();
  }

  private static void golden(String name, String actual) throws Exception {
    Path file = GOLDEN.resolve(name);
    if (UPDATE) {
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertTrue(Files.exists(file), file + " is missing (run with -Dgolden.update=true)");
    assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, name
        + " differs (run with -Dgolden.update=true to rewrite it, then read the diff)");
  }
}
