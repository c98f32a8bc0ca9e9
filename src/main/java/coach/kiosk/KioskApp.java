package coach.kiosk;

import coach.session.Effect;
import coach.session.Event;
import coach.session.Outcome;
import coach.tui.App;
import coach.tui.Clock;
import coach.tui.Keys;
import coach.tui.SessionLoop;
import coach.tui.view.Canvas;
import coach.tui.view.Glyphs;
import coach.tui.view.Style;
import coach.tui.words.Messages;
import com.googlecode.lanterna.TerminalRectangle;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.input.KeyStroke;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Kiosk mode: a start screen where the patient types their code (or, when the patient is known
 * from the login, just presses Enter), then that patient's session; quitting, finishing or a
 * stretch without a key brings back the start screen instead of ending the program. Nothing on
 * the start screen shows who came before. Only a signal or a closed connection ends the kiosk.
 *
 * <p>Runs on the loop's thread like any app; each session's effects are recorded through the
 * sink it was begun with, before the next frame.
 */
public final class KioskApp implements App {
  /** The longest patient code accepted. */
  public static final int MAX_CODE = 32;
  static final long LOCK_NANOS = CodeGuesses.LOCK_NANOS;

  /** A session begun for a patient: what runs it and where its effects go. */
  public record Begun(App app, SessionLoop.EffectSink sink) {}

  /** Begins a patient's session (reads their history, records the start). */
  @FunctionalInterface
  public interface Sessions {
    Begun begin(String patient) throws Exception;
  }

  private final Clock clock;
  private final long idleNanos;
  private final Style style;
  private final String title;
  private final String fixedPatient;
  private final Function<String, Optional<String>> codes;
  private final Sessions sessions;
  private boolean once;
  private long maxSessionNanos = Long.MAX_VALUE;

  private App current;
  /** The session whose frame was drawn last; null when it was the start screen. */
  private App drawn;
  private long sessionStart;
  private SessionLoop.EffectSink sink;
  /** Read by the input thread to choose how keys are read. */
  private volatile boolean signingIn = true;
  private final StringBuilder code = new StringBuilder();
  /** The key of the message under the code field, or null. */
  private String message;
  private long lastActivity;
  /** The moment of the last event handed in (the loop's stamp): what the frame shows. */
  private long now;
  /** Counts unknown codes; by default this screen's alone, on the kiosk's clock. */
  private CodeGuesses.Guard guesses;
  private long lockedUntil = Long.MIN_VALUE;
  /** The wait the locked message names, in whole seconds. */
  private long lockSeconds = LOCK_NANOS / 1_000_000_000L;
  private Outcome lastOutcome;
  /** Whether the window shows the kiosk (a session begun while it does not waits for it). */
  private boolean shown = true;

  /**
   * @param fixedPatient the patient known from the login, or null to ask for a code
   * @param codes the patient a typed code belongs to, empty when the code is not known
   */
  public KioskApp(Clock clock, Duration idle, Style style, String title, String fixedPatient,
      Function<String, Optional<String>> codes, Sessions sessions) {
    this.clock = clock;
    this.idleNanos = idle.toNanos();
    this.style = style;
    this.title = title;
    this.fixedPatient = fixedPatient;
    this.codes = codes;
    this.sessions = sessions;
    this.lastActivity = clock.nanoTime();
    this.now = lastActivity;
    this.guesses = new CodeGuesses(clock::nanoTime).guard(java.util.List.of("local"));
  }

  /**
   * Counts unknown codes with others' (a server's kiosks, by address and login), so a wait
   * started on one connection holds on the next; one running already shows at once.
   */
  public KioskApp countGuessesWith(CodeGuesses.Guard guard) {
    this.guesses = guard;
    long wait = guard.waitNanos();
    if (wait > 0) {
      lock(clock.nanoTime(), wait);
    }
    return this;
  }

  private void lock(long now, long waitNanos) {
    lockedUntil = now + waitNanos;
    lockSeconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
    message = "kiosk.locked";
  }

  /**
   * One session only, begun at once for the given patient: its end (or the idle limit) ends the
   * app, as for a patient who logged in with their own name.
   */
  public static KioskApp single(Clock clock, Duration idle, Style style, String title,
      String patient, Sessions sessions) throws Exception {
    KioskApp k = new KioskApp(clock, idle, style, title, patient, code -> Optional.empty(),
        sessions);
    k.once = true;
    Begun b = sessions.begin(patient);
    k.begun(b, clock.nanoTime());
    return k;
  }

  /** A session still running after this long is saved and closed. */
  public KioskApp limitSessionsTo(Duration max) {
    maxSessionNanos = max.toNanos();
    return this;
  }

  /** A code may hold letters, digits, dot, dash and underscore. */
  public static boolean codeChar(char c) {
    return c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.');
  }

  /** Whether a session is under way (else the start screen shows). */
  public boolean inSession() {
    return current != null;
  }

  /** The code typed so far (for tests). */
  String typed() {
    return code.toString();
  }

  String message() {
    return message;
  }

  @Override
  public Event key(KeyStroke k) {
    App now = current;
    if (signingIn || now == null) {
      return fixedPatient == null ? Keys.typed(k) : Keys.map(k);
    }
    return now.key(k);
  }

  @Override
  public List<Effect> update(Event e, long now) {
    this.now = now;
    List<Effect> out = new ArrayList<>();
    if (e instanceof Event.Interrupt) {
      if (current != null) {
        forward(e, now, out);
      }
      if (!out.contains(new Effect.Exit())) {
        out.add(new Effect.Exit());
      }
      return out;
    }
    boolean key = !(e instanceof Event.Tick) && !(e instanceof Event.Window);
    if (current != null) {
      if (key) {
        lastActivity = now;
      } else if (current.nextWakeNanos().isPresent()) {
        lastActivity = now; // a timer is running: not idle
      }
      if (!key && now - lastActivity >= idleNanos) {
        forward(new Event.Interrupt("idle"), now, out);
        message = "kiosk.idle";
        return out;
      }
      if (!key && now - sessionStart >= maxSessionNanos) {
        forward(new Event.Interrupt("time-limit"), now, out);
        message = "kiosk.timeLimit";
        return out;
      }
      forward(e, now, out);
      return out;
    }
    if (!key) {
      if (now - lastActivity >= idleNanos) {
        code.setLength(0);
        message = null;
      }
      return out;
    }
    lastActivity = now;
    signIn(e, now, out);
    return out;
  }

  private void signIn(Event e, long now, List<Effect> out) {
    if (fixedPatient != null) {
      if (e == Event.Key.CONFIRM) {
        start(fixedPatient, now, out);
      }
      return;
    }
    if (now < lockedUntil) {
      return;
    }
    long wait = guesses.waitNanos(); // started on another connection meanwhile
    if (wait > 0) {
      code.setLength(0);
      lock(now, wait);
      return;
    }
    if (e instanceof Event.Typed t && codeChar(t.c()) && code.length() < MAX_CODE) {
      code.append(t.c());
      message = null;
    } else if (e instanceof Event.Digit d && code.length() < MAX_CODE) {
      code.append((char) ('0' + d.value()));
      message = null;
    } else if (e == Event.Key.ERASE && code.length() > 0) {
      code.setLength(code.length() - 1);
    } else if (e == Event.Key.BACK) {
      code.setLength(0);
      message = null;
    } else if (e == Event.Key.CONFIRM) {
      if (code.length() == 0) {
        message = "kiosk.empty";
        return;
      }
      Optional<String> patient = codes.apply(code.toString());
      code.setLength(0);
      if (patient.isEmpty()) {
        long locked = guesses.unknown();
        if (locked > 0) {
          lock(now, locked);
        } else {
          message = "kiosk.unknown";
        }
        return;
      }
      start(patient.get(), now, out);
    }
  }

  private void start(String patient, long now, List<Effect> out) {
    try {
      begun(sessions.begin(patient), now);
    } catch (coach.store.AlreadyRunning ex) {
      message = "kiosk.busy"; // where and since when is not for a shared screen
    } catch (Exception ex) {
      message = "kiosk.failed";
    }
  }

  /** The window shows the kiosk or not: a session under way holds its timers meanwhile. */
  @Override
  public List<Effect> windowShown(boolean shown, long now) {
    this.shown = shown;
    return update(new Event.Window(shown), now);
  }

  private void begun(Begun b, long now) {
    if (!shown) {
      b.app().windowShown(false, now);
    }
    current = b.app();
    sink = b.sink();
    signingIn = false;
    message = null;
    lastOutcome = null;
    lastActivity = now;
    sessionStart = now;
  }

  /** Hands an event to the session; its end brings back the start screen. */
  private void forward(Event e, long now, List<Effect> out) {
    for (Effect fx : current.update(e, now)) {
      if (fx instanceof Effect.Exit) {
        if (once) {
          out.add(fx);
          return;
        }
        current = null;
        sink = null;
        signingIn = true;
        message = lastOutcome == Outcome.INTERRUPTED ? "kiosk.idle" : "kiosk.saved";
        lastActivity = now;
        return;
      }
      if (fx instanceof Effect.Bell) {
        out.add(fx);
        continue;
      }
      if (fx instanceof Effect.SessionEnded ended) {
        lastOutcome = ended.outcome();
      }
      try {
        sink.accept(fx);
      } catch (RuntimeException ex) {
        throw ex;
      } catch (Exception ex) {
        throw new IllegalStateException(ex);
      }
    }
  }

  /** A session's countdown ticks as it does on a terminal of its own (the last frame was its). */
  @Override
  public List<TerminalRectangle> tickingAreas(TerminalSize size) {
    return current != null && current == drawn ? current.tickingAreas(size) : null;
  }

  @Override
  public void drawTicking(TextGraphics g, TerminalSize size) {
    current.drawTicking(g, size);
  }

  @Override
  public OptionalLong nextWakeNanos() {
    if (current != null) {
      OptionalLong w = current.nextWakeNanos();
      long idle = lastActivity + idleNanos;
      if (maxSessionNanos != Long.MAX_VALUE) {
        idle = Math.min(idle, sessionStart + maxSessionNanos);
      }
      return w.isPresent() ? OptionalLong.of(Math.min(w.getAsLong(), idle)) : OptionalLong.of(idle);
    }
    if (now < lockedUntil) {
      return OptionalLong.of(lockedUntil);
    }
    if (code.length() > 0 || message != null) {
      return OptionalLong.of(lastActivity + idleNanos);
    }
    return OptionalLong.empty();
  }

  @Override
  public Messages words() {
    return style.words();
  }

  @Override
  public void draw(TextGraphics g, TerminalSize size) {
    drawn = current;
    if (current != null) {
      current.draw(g, size);
      return;
    }
    Canvas c = new Canvas(g, size, style);
    Messages m = c.words();
    String sep = Glyphs.sep(style.ascii());
    c.bar(0, m.get("app.name") + sep + title, "");
    int w = c.width() - 4;
    int row = 2;
    c.bold(2, row, m.get("kiosk.welcome"));
    row += 2;
    boolean locked = now < lockedUntil;
    if (fixedPatient != null) {
      row = c.paragraph(2, row, w, 3, m.get("kiosk.pressEnter"), false) + 1;
    } else {
      row = c.paragraph(2, row, w, 3, m.get("kiosk.typeCode"), false) + 1;
      String label = m.get("kiosk.codeLabel") + " ";
      int fieldWidth = Math.max(4, Math.min(MAX_CODE + 1, c.width() - label.length() - 6));
      String shown = code.length() < fieldWidth ? code.toString()
          : code.substring(code.length() - fieldWidth + 1);
      String field = "[" + shown + (locked ? " " : "_")
          + " ".repeat(Math.max(0, fieldWidth - shown.length() - 1)) + "]";
      c.text(2, row, label);
      c.highlight(2 + label.length(), row, field);
      row += 2;
    }
    if (message != null) {
      c.paragraph(2, row, w, Math.max(1, c.height() - row - 2),
          m.get(message, lockSeconds), true);
    }
    String keys = fixedPatient != null ? m.get("kiosk.footer.begin")
        : m.get("kiosk.footer.begin") + sep + m.get("kiosk.footer.erase") + sep
            + m.get("kiosk.footer.clear");
    c.bar(c.height() - 1, keys, "");
  }
}
