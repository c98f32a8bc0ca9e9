package coach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** A CSV cell from a history's text: no escape sequence survives, formulas stay defused. */
class ExportCellTest {
  @Test
  void escapeSequencesFromAHistoryAreEscapedInTheCsv() {
    String cell = coach.app.TableExport.cell("P\u001b[31m1\u0007");
    assertFalse(cell.contains("\u001b") || cell.contains("\u0007"), cell);
    assertEquals("'=1+2", coach.app.TableExport.cell("=1+2"));
    assertEquals("\"a\nb\"", coach.app.TableExport.cell("a\nb"));
  }
}
