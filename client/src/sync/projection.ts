import * as Y from 'yjs';
import { batch, createSignal, type Accessor } from 'solid-js';
import { createStore, reconcile, unwrap } from 'solid-js/store';
import { phaseIdOf, phaseMaps, readNote, readNoteById, readSession, schemaStatus, type Note, type SchemaStatus, type SessionSnapshot } from '@wcb/shared';

/**
 * Yjs documents projected onto Solid stores (after automerge-repo's makeDocumentProjection).
 * The store is read-only for views; every write goes through the model's mutations and comes
 * back here as a Yjs event. Only the notes that an event touched are re-read and reconciled, so
 * one person typing updates one note's text node, not the board.
 */

/**
 * Where the notes stand: their cell, place, stack and drawing order (what the board's layout
 * reads), apart from everything else about them. A layout that tracked each note's fields through
 * the store re-read 5,000 notes through proxies on every change; this says what changed, once.
 */
export type Placements = {
  /** Bumped when a note is added or removed, or its topic, place or stack changes. */
  version: Accessor<number>;
  /** Calls `fn` with the ids of each such change, before `version` is bumped. */
  onChange(fn: (ids: ReadonlySet<string>) => void): () => void;
  /** The notes as plain objects, not store proxies: reading them tracks nothing (track `version`). */
  notes(): readonly Note[];
};

/** Notes by id. A deleted note's key is removed (Solid stores delete keys set to undefined). */
export type NotesProjection = { readonly notes: Readonly<Partial<Record<string, Note>>>; readonly placements: Placements; dispose(): void };

const samePlace = (a: Note | undefined, b: Note | null): boolean =>
  !!a && !!b && a.topic === b.topic && a.x === b.x && a.y === b.y && a.stack === b.stack && a.createdAt === b.createdAt && a.phase === b.phase;

export function makeNotesProjection(doc: Y.Doc): NotesProjection {
  const map = phaseMaps(doc).notes;
  // Read straight from the map: a board opened from IndexedDB starts with thousands of notes here.
  const initial: Record<string, Note> = {};
  const phase = phaseIdOf(doc);
  map.forEach((record, id) => {
    const note = record instanceof Y.Map ? readNote(id, record, phase) : null;
    if (note) initial[id] = note;
  });
  const [notes, setNotes] = createStore<Partial<Record<string, Note>>>(initial);
  // The ids in the store, kept beside it so that telling a new note from a changed one reads no store.
  const present = new Set(Object.keys(initial));
  const plain = unwrap(notes);
  const [version, setVersion] = createSignal(0);
  const listeners = new Set<(ids: ReadonlySet<string>) => void>();

  const onChange = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    const changed = new Set<string>();
    for (const event of events) {
      // On the notes map itself the keys are note ids (added, deleted, replaced); deeper events
      // (a note's field, its text) carry the note id as the first step of their path.
      if (event.target === map) for (const id of event.keys.keys()) changed.add(id);
      else if (typeof event.path[0] === 'string') changed.add(event.path[0]);
    }
    // Notes new to the store go in with one shallow merge: opening a board (IndexedDB or the
    // first sync) brings thousands at once, and a path update each costs more than the render.
    const added: Record<string, Note> = {};
    let adding = 0;
    const placed = new Set<string>();
    batch(() => {
      for (const id of changed) {
        const note = readNoteById(doc, id);
        // Compared before the store takes the change: reconcile updates the same object.
        if (!samePlace(plain[id], note)) placed.add(id);
        if (note && !present.has(id)) {
          added[id] = note;
          adding++;
          present.add(id);
        } else {
          if (!note) present.delete(id);
          setNotes(id, note ? reconcile(note) : undefined);
        }
      }
      if (adding > 0) setNotes(added);
      if (placed.size > 0) {
        for (const fn of listeners) fn(placed);
        setVersion((v) => v + 1);
      }
    });
  };
  map.observeDeep(onChange);
  const placements: Placements = {
    version,
    onChange(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    notes: () => Object.values(plain).filter((n): n is Note => n !== undefined),
  };
  return { notes, placements, dispose: () => map.unobserveDeep(onChange) };
}

export type ControlProjection = {
  readonly session: SessionSnapshot;
  /** Schema status of the control document; 'empty' until it has been loaded or synced. */
  status: Accessor<SchemaStatus>;
  dispose(): void;
};

/** The control document is small: re-read it whole after each transaction and reconcile by id. */
export function makeControlProjection(doc: Y.Doc): ControlProjection {
  const [session, setSession] = createStore<SessionSnapshot>(readSession(doc));
  const [status, setStatus] = createSignal<SchemaStatus>(schemaStatus(doc, 'control'));
  const onUpdate = () =>
    batch(() => {
      setSession(reconcile(readSession(doc), { key: 'id' }));
      setStatus(schemaStatus(doc, 'control'));
    });
  doc.on('update', onUpdate);
  return { session, status, dispose: () => doc.off('update', onUpdate) };
}
