import type * as Y from 'yjs';
import { recordId } from './ids';
import { LocalOrigin } from './origins';

/**
 * Dot voting. Dots live in the phase's votes room (`<sid>/votes/<phaseId>`), which the server
 * only lets people write while voting is open on that phase (roles.ts). Layout: Y.Map 'dots',
 * dotId -> plain { voter, note, n }. A dot is placed or removed, never edited, so there is no
 * field-level merge to reason about.
 *
 * The budget is enforced when reading, not only when writing: one voter on two offline laptops can
 * place a full budget on each. `n` is a per-voter Lamport counter, so sorting a voter's dots by
 * (n, dotId) gives every peer the same "first `budget` dots", and only those count.
 */

export type Dot = { id: string; voter: string; note: string; n: number };
export type VoterDots = { used: number; left: number; perNote: Map<string, number> };

// Voters are participant or table ids and notes are record ids: anything longer is not ours.
const MAX_REF = 128;

const local = (action: string) => new LocalOrigin(action);

export const votesMaps = (doc: Y.Doc) => ({ dots: doc.getMap<unknown>('dots') });

const isRef = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= MAX_REF;
const cleanBudget = (budget: number): number => (Number.isFinite(budget) ? Math.max(0, Math.floor(budget)) : 0);

/** Every well-formed dot; whatever else a peer wrote is ignored. */
export function readDots(doc: Y.Doc): Dot[] {
  const out: Dot[] = [];
  votesMaps(doc).dots.forEach((value, id) => {
    if (!value || typeof value !== 'object') return;
    const { voter, note, n } = value as Record<string, unknown>;
    if (isRef(voter) && isRef(note) && typeof n === 'number' && Number.isInteger(n) && n >= 1) {
      out.push({ id, voter, note, n });
    }
  });
  return out;
}

const byCounter = (a: Dot, b: Dot): number => a.n - b.n || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Per voter, the dots that count: the first `budget` by (n, dotId). */
function countedByVoter(dots: readonly Dot[], budget: number): Map<string, Dot[]> {
  const byVoter = new Map<string, Dot[]>();
  for (const dot of dots) {
    const list = byVoter.get(dot.voter);
    if (list) list.push(dot);
    else byVoter.set(dot.voter, [dot]);
  }
  const limit = cleanBudget(budget);
  for (const [voter, list] of byVoter) byVoter.set(voter, list.sort(byCounter).slice(0, limit));
  return byVoter;
}

const countNotes = (dots: readonly Dot[]): Map<string, number> => {
  const out = new Map<string, number>();
  for (const dot of dots) out.set(dot.note, (out.get(dot.note) ?? 0) + 1);
  return out;
};

/** Counted dots per note over all voters. */
export function tally(doc: Y.Doc, budget: number): Map<string, number> {
  return countNotes([...countedByVoter(readDots(doc), budget).values()].flat());
}

export function voterDots(doc: Y.Doc, voter: string, budget: number): VoterDots {
  const counted = countedByVoter(
    readDots(doc).filter((d) => d.voter === voter),
    budget,
  ).get(voter) ?? [];
  return { used: counted.length, left: cleanBudget(budget) - counted.length, perNote: countNotes(counted) };
}

/**
 * Places one of `voter`'s dots on a note. Returns false, writing nothing, when the voter has no
 * dots left. `id` is for deterministic tests; devices get a random one.
 */
export function castDot(doc: Y.Doc, voter: string, noteId: string, budget: number, id: string = recordId()): boolean {
  if (!isRef(voter) || !isRef(noteId)) throw new Error('A dot needs a voter and a note');
  if (voterDots(doc, voter, budget).left <= 0) return false;
  const n = 1 + readDots(doc).reduce((max, d) => (d.voter === voter ? Math.max(max, d.n) : max), 0);
  doc.transact(() => votesMaps(doc).dots.set(id, { voter, note: noteId, n }), local('vote.cast'));
  return true;
}

/** Takes back the voter's most recent dot on a note. Returns false when there is none. */
export function removeDot(doc: Y.Doc, voter: string, noteId: string): boolean {
  const last = readDots(doc)
    .filter((d) => d.voter === voter && d.note === noteId)
    .sort(byCounter)
    .at(-1);
  if (!last) return false;
  doc.transact(() => votesMaps(doc).dots.delete(last.id), local('vote.remove'));
  return true;
}
