import { createSignal } from 'solid-js';
import { controlRoom, phaseRoom } from '@wcb/shared';
import { browserStore, type KeyValueStore } from '../lib/storage';
import { lastPhase, rememberPhase } from './last-phase';
import { preloadRoom } from './room';

/**
 * Called by the app's entry for a board link, before the board's code has loaded: starts reading
 * the session's control room and the phase shown last time from IndexedDB, which createSession
 * then takes over (see preloadRoom). Only for a board this device has shown before (a first visit
 * has nothing stored to read); reading is all it does: nothing connects or writes.
 */
export function preloadBoard(sessionId: string): void {
  const phase = lastPhase(browserStore(), sessionId);
  if (!phase) return;
  preloadRoom(controlRoom(sessionId));
  preloadRoom(phaseRoom(sessionId, phase));
}

export type PhaseGuess = {
  /** False while `phaseId` is the guessed phase and its read from IndexedDB is still going on. */
  ready(phaseId: string): boolean;
  /** The board shows `phaseId`: remembered for next time; a wrong guess's read is dropped. */
  shown(phaseId: string): void;
  /** Drops the read if no room took it over. */
  dispose(): void;
};

/**
 * The board's side of the guess: the phase shown last time is read from IndexedDB alongside the
 * control room (started here, or earlier by preloadBoard), and its room is made once that read is
 * done, so the board draws its notes once, whole, rather than an empty board first and then every
 * note again as they arrive. Reactive: `ready` turns true when the read ends.
 */
export function guessPhase(store: KeyValueStore, sessionId: string): PhaseGuess {
  const guessed = lastPhase(store, sessionId);
  const read = guessed ? preloadRoom(phaseRoom(sessionId, guessed)) : null;
  const [done, setDone] = createSignal(!read);
  void read?.ready.then(() => setDone(true));
  return {
    ready: (phaseId) => phaseId !== guessed || done(),
    shown(phaseId) {
      rememberPhase(store, sessionId, phaseId);
      if (phaseId !== guessed) read?.drop();
    },
    dispose: () => read?.drop(),
  };
}
