import type * as Y from 'yjs';
import { batch, createSignal, type Accessor } from 'solid-js';
import {
  addStep,
  initPhaseDoc,
  migrateDoc,
  moveStep,
  moveStepBy,
  phaseIdOf,
  phaseMaps,
  phaseRoom,
  schemaStatus,
  setNoteAuthor,
  stackNote,
  ungroupStack,
  type NewStep,
  type Note,
  type SchemaStatus,
} from '@wcb/shared';
import { makeNoteActions, type NoteActions } from './actions';
import { makePeers, type Peers } from './presence';
import { makeNotesProjection, type Placements } from './projection';
import { makeFormActions, makeFormProjection, type FormActions, type FormAnswers } from './form-room';
import { makeRoom, type Room, type RoomState } from './room';
import { markOpen } from './open-marks';
import { makeUndo, type Undo } from './undo';
import { blocksWrites } from './refusal';

/** Everything the board needs for one phase: its room, notes, undo history and peers. */
export type PhaseRoom = {
  readonly phaseId: string;
  readonly room: Room;
  readonly notes: Readonly<Partial<Record<string, Note>>>;
  /** Where the notes stand, apart from the rest of them (what the board's layout reads). */
  readonly placements: Placements;
  readonly peers: Peers;
  readonly undo: Undo;
  readonly actions: NoteActions & PhaseExtraActions;
  /** Answers of a matrix, checklist or survey phase (empty maps for other kinds). */
  readonly answers: FormAnswers;
  readonly formActions: FormActions;
  state: Accessor<RoomState>;
  status: Accessor<SchemaStatus>;
  dispose(): void;
};

/** Writes beyond the basic note ones: author, numbered steps, stacks. Guarded like NoteActions. */
export type PhaseExtraActions = {
  setAuthor(id: string, author: string): void;
  addStep(topic: string, extra?: NewStep): string | null;
  moveStep(id: string, beforeId: string | null): void;
  moveStepBy(id: string, delta: -1 | 1): boolean;
  stack(id: string, ontoId: string): boolean;
  ungroup(headId: string): number;
};

function makeExtraActions(doc: Y.Doc, ids: { sessionId: string; phaseId: string }, readOnly: Accessor<boolean>): PhaseExtraActions {
  const has = (id: string) => phaseMaps(doc).notes.has(id);
  return {
    setAuthor(id, author) {
      if (!readOnly() && has(id)) setNoteAuthor(doc, id, author);
    },
    addStep(topic, extra = {}) {
      if (readOnly()) return null;
      if (!phaseIdOf(doc)) initPhaseDoc(doc, ids.sessionId, ids.phaseId);
      return addStep(doc, topic, '', extra);
    },
    moveStep(id, beforeId) {
      if (!readOnly() && has(id) && (beforeId === null || has(beforeId))) moveStep(doc, id, beforeId);
    },
    moveStepBy: (id, delta) => !readOnly() && has(id) && moveStepBy(doc, id, delta),
    stack: (id, ontoId) => !readOnly() && has(id) && has(ontoId) && stackNote(doc, id, ontoId),
    ungroup: (headId) => (!readOnly() && has(headId) ? ungroupStack(doc, headId) : 0),
  };
}

/**
 * `readOnly`: the session says this person may not write here (role, lock, newer control doc);
 * the room adds its own reasons (newer phase doc, a write the server refused).
 */
export function makePhaseRoom(sessionId: string, phaseId: string, readOnly: Accessor<boolean>, token?: string): PhaseRoom {
  const room = makeRoom(phaseRoom(sessionId, phaseId), { token });
  const { doc } = room;
  const [state, setState] = createSignal(room.state());
  const [status, setStatus] = createSignal(schemaStatus(doc, 'phase'));
  const migrated = { load: false, sync: false };

  // Migrations run once on what IndexedDB had and once more after the first server sync (which
  // may bring records written by an older client); they write nothing when all is current.
  // The schema status reads every record: it is re-read when the room loads, connects or syncs
  // (what can bring records written by an older client), not on each local write, which also
  // changes the room's state (its pending count) and would scan a 5,000-note board per drag step.
  let statusFor = '';
  const unsubscribe = room.subscribe((s) => {
    if ((s.loaded && !migrated.load) || (s.everSynced && !migrated.sync)) migrateDoc(doc, 'phase');
    migrated.load ||= s.loaded;
    migrated.sync ||= s.everSynced;
    const key = `${s.loaded} ${s.everSynced} ${s.link.connected} ${s.link.synced}`;
    const reread = key !== statusFor;
    statusFor = key;
    batch(() => {
      setState(s);
      if (reread) setStatus(schemaStatus(doc, 'phase'));
    });
  });
  // Only the schema version in meta can turn a loaded document read-only; watching meta (rather
  // than every update) keeps typing from re-scanning all notes.
  const meta = phaseMaps(doc).meta;
  const onMeta = () => setStatus(schemaStatus(doc, 'phase'));
  meta.observe(onMeta);

  const projection = makeNotesProjection(doc);
  markOpen(`phase-room ${phaseId}`);
  const form = makeFormProjection(doc);
  const peers = makePeers(room.awareness);
  const undo = makeUndo(doc);
  const blocked = () => readOnly() || status() === 'newer' || blocksWrites(state().denied);
  const ids = { sessionId, phaseId };
  // eslint-disable-next-line solid/reactivity -- an accessor, read by each action when it runs.
  const actions = { ...makeNoteActions(doc, ids, blocked), ...makeExtraActions(doc, ids, blocked) };
  return {
    phaseId,
    room,
    notes: projection.notes,
    placements: projection.placements,
    peers: peers.peers,
    undo,
    actions,
    answers: form.answers,
    // eslint-disable-next-line solid/reactivity -- an accessor, read by each action when it runs.
    formActions: makeFormActions(doc, ids, blocked),
    state,
    status,
    dispose() {
      unsubscribe();
      meta.unobserve(onMeta);
      undo.dispose();
      peers.dispose();
      projection.dispose();
      form.dispose();
      room.dispose();
    },
  };
}
