package coach.tui;

import coach.session.Effect;
import coach.store.StoreException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * The loop's way to the history: each effect handed to the sink, and the confirmed effects the
 * history could not take yet, oldest first, with why the last try failed (for the screen) and
 * where failures are logged.
 */
final class UnsavedEffects {
  private final SessionLoop.EffectSink sink;
  private final ArrayDeque<Effect> waiting = new ArrayDeque<>();
  private StoreException problem;
  private Consumer<Exception> log = ex -> { };

  UnsavedEffects(SessionLoop.EffectSink sink) {
    this.sink = sink;
  }

  /** Tells where a failed save is logged (the message on screen is one line). */
  void logTo(Consumer<Exception> log) {
    this.log = log;
  }

  /** Logs what failed without a save (the end of a session whose terminal failed). */
  void log(Exception e) {
    log.accept(e);
  }

  /** True when saved; false (and the problem kept for the screen) when the store refused. */
  boolean save(Effect fx) throws IOException {
    try {
      sink.accept(fx);
      problem = null;
      return true;
    } catch (StoreException ex) {
      problem = ex;
      log.accept(ex);
      return false;
    } catch (IOException | RuntimeException ex) {
      throw ex;
    } catch (Exception ex) {
      throw new IOException(ex);
    }
  }

  /** Keeps an effect to be saved after those waiting before it. */
  void add(Effect fx) {
    waiting.add(fx);
  }

  boolean isEmpty() {
    return waiting.isEmpty();
  }

  /** Why the last save failed; null when it did not. */
  StoreException problem() {
    return problem;
  }

  /** Tries the waiting effects again, in order, each once, up to the first that fails. */
  void retry() throws IOException {
    while (!waiting.isEmpty() && save(waiting.peekFirst())) {
      waiting.removeFirst();
    }
  }
}
