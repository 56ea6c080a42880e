import * as Y from 'yjs';
import { RECORD_ID_RE } from '../rooms';
import { cleanText, num, str, type Migration, type RecordMap } from './common';

/** Notes that belong to no single topic sit in the cross-cutting row under the columns. */
export const CROSS_CUTTING = '_cross';

export const NOTE_COLORS = ['yellow', 'pink', 'blue', 'green', 'orange', 'purple'] as const;
export type NoteColor = (typeof NOTE_COLORS)[number];

// A sticky note holds a phrase or a few lines; 2,000 characters leaves room for a paragraph
// while keeping one hostile client from bloating every peer's document.
export const MAX_NOTE_TEXT = 2000;
// Cells are a few thousand units wide; the bound only stops absurd coordinates from peers.
export const MAX_COORD = 100_000;

export type Note = {
  id: string;
  text: string;
  phase: string;
  topic: string;
  x: number;
  y: number;
  color: NoteColor;
  table: string;
  author: string;
  round: number;
  createdAt: number;
  /** Fractional position in a numbered steps list (see steps.ts); also the reading order. */
  order: number;
  /** Id of the note this one is stacked onto ('' = not stacked); see clusters.ts. */
  stack: string;
};

export const noteMigrations: readonly Migration[] = [
  {
    // Notes written by third-party clients (or before fields existed) get every field with a default.
    id: 'note/001-baseline-fields',
    version: 1,
    up(record) {
      if (!(record.get('text') instanceof Y.Text)) record.set('text', new Y.Text(str(record.get('text'))));
      if (!isColor(record.get('color'))) record.set('color', 'yellow');
      if (typeof record.get('topic') !== 'string') record.set('topic', CROSS_CUTTING);
      for (const k of ['x', 'y', 'round', 'createdAt'] as const) {
        if (typeof record.get(k) !== 'number') record.set(k, 0);
      }
      for (const k of ['table', 'author'] as const) {
        if (typeof record.get(k) !== 'string') record.set(k, '');
      }
    },
  },
  {
    // Creation time is the order people already saw notes appear in, so existing lists keep it.
    id: 'note/002-order-and-stack',
    version: 2,
    up(record) {
      if (typeof record.get('order') !== 'number') record.set('order', num(record.get('createdAt')));
      if (typeof record.get('stack') !== 'string') record.set('stack', '');
    },
  },
];

export const isColor = (v: unknown): v is NoteColor => NOTE_COLORS.includes(v as NoteColor);

const clampCoord = (v: unknown): number => Math.max(-MAX_COORD, Math.min(MAX_COORD, num(v)));

/** A peer may write anything into `stack`; only something shaped like a record id can point at a note. */
const stackRef = (v: unknown, self: string): string => {
  const ref = str(v);
  return ref !== self && RECORD_ID_RE.test(ref) ? ref : '';
};

/**
 * Reads a note record tolerantly: whatever a peer wrote, the result is a well-formed Note or null
 * (no id). Text is bounded and stripped of control characters; it is always rendered as text.
 */
export function readNote(id: string, record: RecordMap, phase: string): Note | null {
  if (!id) return null;
  const text = record.get('text');
  return {
    id,
    text: cleanText(text instanceof Y.Text ? text.toString() : str(text), MAX_NOTE_TEXT),
    phase,
    topic: str(record.get('topic'), CROSS_CUTTING) || CROSS_CUTTING,
    x: clampCoord(record.get('x')),
    y: clampCoord(record.get('y')),
    color: isColor(record.get('color')) ? (record.get('color') as NoteColor) : 'yellow',
    table: cleanText(str(record.get('table')), 64),
    author: cleanText(str(record.get('author')), 80),
    round: Math.max(0, Math.floor(num(record.get('round')))),
    createdAt: num(record.get('createdAt')),
    order: num(record.get('order'), num(record.get('createdAt'))),
    stack: stackRef(record.get('stack'), id),
  };
}

export type NewNote = Partial<Omit<Note, 'id' | 'phase' | 'createdAt'>> & { topic: string };

/** Builds the Y.Map for a new note; call inside a transaction and insert it into the notes map. */
export function makeNoteRecord(input: NewNote, now: number): RecordMap {
  const record: RecordMap = new Y.Map();
  record.set('v', noteMigrations.length ? noteMigrations[noteMigrations.length - 1]!.version : 0);
  record.set('text', new Y.Text(cleanText(input.text ?? '', MAX_NOTE_TEXT)));
  record.set('topic', input.topic);
  record.set('x', clampCoord(input.x));
  record.set('y', clampCoord(input.y));
  record.set('color', input.color && isColor(input.color) ? input.color : 'yellow');
  record.set('table', input.table ?? '');
  record.set('author', cleanText(input.author ?? '', 80));
  record.set('round', Math.max(0, Math.floor(input.round ?? 0)));
  record.set('createdAt', now);
  record.set('order', typeof input.order === 'number' && Number.isFinite(input.order) ? input.order : now);
  record.set('stack', input.stack && RECORD_ID_RE.test(input.stack) ? input.stack : '');
  return record;
}
