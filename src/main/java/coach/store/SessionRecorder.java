package coach.store;

import coach.session.Effect;

/** Persists one session's effects as they happen. */
public interface SessionRecorder {
  String sessionId();

  /** Persists what the effect records (ignores effects that record nothing); durable on return. */
  void apply(Effect effect) throws StoreException;
}
