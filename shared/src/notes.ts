import * as Y from 'yjs';
import { LocalOrigin, type SystemOrigin } from './origins';
import { cleanText, str, type RecordMap } from './records/common';
import { isColor, makeNoteRecord, MAX_NOTE_TEXT, readNote, type NewNote, type Note, type NoteColor } from './records/note';
import { recordId } from './ids';
import { SCHEMA_VERSION } from './schema-version';
import { replaceText } from './text';

/**
 * A phase room's document: meta (sessionId, phaseId, schemaVersion) and notes (Y.Map id -> note record).
 * Note text is a Y.Text so two people typing in one note merge character by character.
 */
export const phaseMaps = (doc: Y.Doc) => ({
  meta: doc.getMap<unknown>('meta'),
  notes: doc.getMap<RecordMap>('notes'),
});

const local = (action: string) => new LocalOrigin(action);

/** Marks a fresh phase document with its identity; harmless to repeat on a peer. */
export function initPhaseDoc(doc: Y.Doc, sessionId: string, phaseId: string, origin: SystemOrigin = 'template'): void {
  const { meta } = phaseMaps(doc);
  if (meta.get('phaseId') === phaseId && meta.get('sessionId') === sessionId) return;
  doc.transact(() => {
    meta.set('schemaVersion', SCHEMA_VERSION);
    meta.set('sessionId', sessionId);
    meta.set('phaseId', phaseId);
  }, origin);
}

export const phaseIdOf = (doc: Y.Doc): string => str(phaseMaps(doc).meta.get('phaseId'));

/** `id` is for imports and deterministic tests; people get a random one. */
export function addNote(doc: Y.Doc, input: NewNote, now: number = Date.now(), id: string = recordId()): string {
  doc.transact(() => phaseMaps(doc).notes.set(id, makeNoteRecord(input, now)), local('note.add'));
  return id;
}

function noteRecord(doc: Y.Doc, id: string): RecordMap {
  const record = phaseMaps(doc).notes.get(id);
  if (!(record instanceof Y.Map)) throw new Error(`No note "${id}"`);
  return record;
}

/**
 * Replaces a note's text with `next` by editing only the changed middle (common prefix and suffix
 * are kept), so a concurrent edit elsewhere in the same note survives.
 */
export function setNoteText(doc: Y.Doc, id: string, next: string): void {
  const record = noteRecord(doc, id);
  const text = record.get('text');
  const target = cleanText(next, MAX_NOTE_TEXT);
  doc.transact(() => {
    if (!(text instanceof Y.Text)) {
      record.set('text', new Y.Text(target));
      return;
    }
    replaceText(text, target);
  }, local('note.text'));
}

export function moveNote(doc: Y.Doc, id: string, to: { topic?: string; x: number; y: number }): void {
  const record = noteRecord(doc, id);
  doc.transact(() => {
    if (to.topic !== undefined && record.get('topic') !== to.topic) record.set('topic', to.topic);
    record.set('x', Math.round(to.x));
    record.set('y', Math.round(to.y));
  }, local('note.move'));
}

export function recolorNote(doc: Y.Doc, id: string, color: NoteColor): void {
  if (!isColor(color)) throw new Error(`Unknown colour "${String(color)}"`);
  const record = noteRecord(doc, id);
  doc.transact(() => record.set('color', color), local('note.color'));
}

export function setNoteAuthor(doc: Y.Doc, id: string, author: string): void {
  const record = noteRecord(doc, id);
  doc.transact(() => record.set('author', cleanText(author, 80)), local('note.author'));
}

export function deleteNote(doc: Y.Doc, id: string): void {
  const { notes } = phaseMaps(doc);
  if (!notes.has(id)) return;
  doc.transact(() => notes.delete(id), local('note.delete'));
}

export function readNotes(doc: Y.Doc): Note[] {
  const phase = phaseIdOf(doc);
  const out: Note[] = [];
  phaseMaps(doc).notes.forEach((record, id) => {
    const note = record instanceof Y.Map ? readNote(id, record, phase) : null;
    if (note) out.push(note);
  });
  // Reading order: topic cells left to right are the view's concern; here top-to-bottom, then left.
  return out.sort((a, b) => a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : 1));
}

export function readNoteById(doc: Y.Doc, id: string): Note | null {
  const record = phaseMaps(doc).notes.get(id);
  return record instanceof Y.Map ? readNote(id, record, phaseIdOf(doc)) : null;
}

/** The live Y.Text of a note, for editors that bind to it directly. */
export function noteText(doc: Y.Doc, id: string): Y.Text | null {
  const text = phaseMaps(doc).notes.get(id)?.get('text');
  return text instanceof Y.Text ? text : null;
}
