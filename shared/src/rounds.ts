import type * as Y from 'yjs';
import { controlMaps } from './control';
import { LocalOrigin } from './origins';
import type { Note } from './records/note';
import { MAX_TIMER_MS, runningTimer } from './timer';

/**
 * Tables, rounds and hosts. In a World Café each table keeps a host for the whole session; the
 * other people at a table (its "group", named by its home table) move to another table each round,
 * and the host tells the newcomers what the previous group wrote there.
 *
 * The round settings live in control `state` under key 'rounds' as one plain value the
 * facilitator replaces whole, like 'voting' and 'timer'.
 */
export type RoundSettings = {
  count: number;
  lengthMs: number;
  /** 0 before the first round, then 1..count. */
  current: number;
};

// The classic café: three rounds of twenty minutes. Used until the facilitator sets their own.
export const DEFAULT_ROUNDS = 3;
export const DEFAULT_ROUND_MS = 20 * 60 * 1000;
// Cafés run three to five rounds; the bound only stops a typo from filling the plan.
export const MAX_ROUNDS = 12;

const local = (action: string) => new LocalOrigin(action);
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Tolerant: whatever a peer wrote, a well-formed value with defaults for what is missing. */
export function readRounds(control: Y.Doc): RoundSettings {
  const v = controlMaps(control).state.get('rounds') as Partial<RoundSettings> | undefined;
  const o: Partial<RoundSettings> = v && typeof v === 'object' ? v : {};
  const count = finite(o.count) && o.count >= 1 ? Math.min(MAX_ROUNDS, Math.floor(o.count)) : DEFAULT_ROUNDS;
  const lengthMs = finite(o.lengthMs) && o.lengthMs >= 1 ? Math.min(MAX_TIMER_MS, Math.round(o.lengthMs)) : DEFAULT_ROUND_MS;
  const current = finite(o.current) ? Math.max(0, Math.min(count, Math.floor(o.current))) : 0;
  return { count, lengthMs, current };
}

/** Changes how many rounds and how long; the current round stays (cut to the new count). */
export function setRoundSettings(control: Y.Doc, input: { count: number; lengthMs: number }): void {
  if (!finite(input.count) || input.count < 1) throw new Error('A café needs at least one round');
  if (!finite(input.lengthMs) || input.lengthMs < 1) throw new Error('A round needs a positive length');
  const count = Math.min(MAX_ROUNDS, Math.floor(input.count));
  const lengthMs = Math.min(MAX_TIMER_MS, Math.round(input.lengthMs));
  const current = Math.min(count, readRounds(control).current);
  const settings: RoundSettings = { count, lengthMs, current };
  control.transact(() => controlMaps(control).state.set('rounds', settings), local('round.settings'));
}

/**
 * Makes `round` the current one and starts its countdown in the same transaction, so no peer
 * ever sees round 2 with round 1's timer (or the reverse).
 */
export function startRound(control: Y.Doc, round: number, serverNow: number): void {
  const settings = readRounds(control);
  if (!Number.isInteger(round) || round < 1 || round > settings.count) throw new Error(`No round ${round}`);
  const timer = runningTimer(settings.lengthMs, serverNow, round);
  const { state } = controlMaps(control);
  control.transact(() => {
    state.set('rounds', { ...settings, current: round });
    state.set('timer', timer);
  }, local('round.start'));
}

export type RoundMoves = { round: number; moves: { group: string; to: string }[] };

/**
 * Where each group sits in each round. Round r sends the group of home table i to table
 * (i + r − 1) mod n, in the order the tables are given: row r of the cyclic Latin square.
 * Every row is a shift, so no two groups share a table in a round; down a column the shifts
 * 0..n−1 are all different, so no group sees a table twice in the first n rounds. Past n rounds
 * the plan starts over from home. It is also the easiest instruction to give a room:
 * "everyone but the hosts, move one table on".
 */
export function rotationPlan(tableIds: readonly string[], rounds: number): RoundMoves[] {
  const tables = [...new Set(tableIds)];
  const n = tables.length;
  const count = finite(rounds) ? Math.max(0, Math.floor(rounds)) : 0;
  return Array.from({ length: count }, (_, r) => ({
    round: r + 1,
    moves: tables.map((group, i) => ({ group, to: tables[(i + r) % n]! })),
  }));
}

/**
 * What a table's host shows the group that just arrived: the notes written at this table (the
 * note's `table` is where it was written, not the author's home) during the previous round.
 * Before round 2 there is no previous group, so nothing. Keeps the order it was given.
 */
export function notesNewSinceLastRound(notes: readonly Note[], tableId: string, currentRound: number): Note[] {
  if (!tableId || !Number.isInteger(currentRound) || currentRound < 2) return [];
  return notes.filter((n) => n.table === tableId && n.round === currentRound - 1);
}
