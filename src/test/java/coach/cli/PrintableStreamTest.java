package coach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The net under every message: nothing printed on a terminal's stream can steer it. */
class PrintableStreamTest {
  @Test
  void everyWayOfPrintingEscapesControlsAndKeepsLinesAndAccents() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream terminal = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    PrintStream s = new PrintableStream(terminal, StandardCharsets.UTF_8);
    s.println("a\u001b[2Jb");
    s.print("c\u009b1m");
    s.print('\u0007');
    s.println();
    s.printf("%s and %d%n", "\u202Eevil", 3);
    s.println((Object) "obj\u200B");
    s.print("tab\there\r\n".toCharArray());
    s.append("x\u001b]52;c;aGk=\u0007y\n");
    s.println("Sesión terminada, 😀");
    s.flush();
    String expected = "a\\u001B[2Jb\nc\\u009B1m\\u0007\n\\u202Eevil and 3\nobj\\u200B\n"
        + "tab\there\r\nx\\u001B]52;c;aGk=\\u0007y\nSesión terminada, 😀\n";
    assertEquals(expected, bytes.toString(StandardCharsets.UTF_8));
  }
}
