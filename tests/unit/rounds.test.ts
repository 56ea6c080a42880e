import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createRoot, createSignal } from 'solid-js';
import {
  buildSessionDocs,
  controlMaps,
  DEFAULT_ROUND_MS,
  DEFAULT_ROUNDS,
  LocalOrigin,
  MAX_ROUNDS,
  notesNewSinceLastRound,
  readRounds,
  readTimer,
  rotationPlan,
  setRoundSettings,
  startRound,
  timerView,
  type Note,
} from '@wcb/shared';
import { replica, syncAll } from '../support/ydocs';
import { createNewSince } from '../../client/src/sync/new-since';

const control = () => buildSessionDocs({ sessionId: 'session-0001', templateId: 'world-cafe-ngo', language: 'uk' }).control;
const MIN = 60_000;
const T0 = 1_700_000_000_000;

describe('round settings', () => {
  it('a new session has the classic three rounds of twenty minutes, none started', () => {
    expect(readRounds(control())).toEqual({ count: DEFAULT_ROUNDS, lengthMs: DEFAULT_ROUND_MS, current: 0 });
  });

  it('the facilitator sets how many rounds and how long, within sane bounds', () => {
    const doc = control();
    setRoundSettings(doc, { count: 4, lengthMs: 25 * MIN });
    expect(readRounds(doc)).toEqual({ count: 4, lengthMs: 25 * MIN, current: 0 });
    setRoundSettings(doc, { count: 1000, lengthMs: 25 * MIN });
    expect(readRounds(doc).count).toBe(MAX_ROUNDS);
    expect(() => setRoundSettings(doc, { count: 0, lengthMs: MIN })).toThrow(/at least one round/);
    expect(() => setRoundSettings(doc, { count: 3, lengthMs: Number.NaN })).toThrow(/positive length/);
  });

  it('starting a round makes it current and starts its timer in one transaction', () => {
    const doc = control();
    setRoundSettings(doc, { count: 3, lengthMs: 25 * MIN });
    const seen: { action: string; current: number; timerRound: number }[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.origin instanceof LocalOrigin) {
        seen.push({ action: tr.origin.action, current: readRounds(doc).current, timerRound: readTimer(doc).round });
      }
    });
    startRound(doc, 2, T0);
    expect(seen).toEqual([{ action: 'round.start', current: 2, timerRound: 2 }]);
    expect(timerView(readTimer(doc), T0 + 5 * MIN)).toEqual({ status: 'running', remainingMs: 20 * MIN, progress: 0.2 });
  });

  it('only rounds of the plan can start', () => {
    const doc = control();
    setRoundSettings(doc, { count: 3, lengthMs: MIN });
    for (const round of [0, 4, 1.5, Number.NaN]) expect(() => startRound(doc, round, T0)).toThrow(/No round/);
    expect(readRounds(doc).current).toBe(0);
  });

  it('fewer rounds than the current one cut the current round back for good', () => {
    const doc = control();
    setRoundSettings(doc, { count: 4, lengthMs: MIN });
    startRound(doc, 4, T0);
    setRoundSettings(doc, { count: 2, lengthMs: MIN });
    expect(controlMaps(doc).state.get('rounds')).toEqual({ count: 2, lengthMs: MIN, current: 2 });
    setRoundSettings(doc, { count: 4, lengthMs: MIN });
    expect(readRounds(doc).current).toBe(2);
  });

  it('malformed settings from a peer read as well-formed ones', () => {
    const doc = control();
    const { state } = controlMaps(doc);
    state.set('rounds', 'three');
    expect(readRounds(doc)).toEqual({ count: DEFAULT_ROUNDS, lengthMs: DEFAULT_ROUND_MS, current: 0 });
    state.set('rounds', { count: 2.9, lengthMs: -1, current: 7 });
    expect(readRounds(doc)).toEqual({ count: 2, lengthMs: DEFAULT_ROUND_MS, current: 2 });
    state.set('rounds', { count: Number.POSITIVE_INFINITY, lengthMs: 'long', current: -1 });
    expect(readRounds(doc)).toEqual({ count: DEFAULT_ROUNDS, lengthMs: DEFAULT_ROUND_MS, current: 0 });
  });

  it('a round started on one facilitator’s laptop is current with its timer on every peer', () => {
    const a = control();
    const b = replica(a);
    startRound(a, 1, T0);
    syncAll([a, b]);
    expect(readRounds(b).current).toBe(1);
    expect(readTimer(b)).toEqual(readTimer(a));
  });
});

const tableIds = (n: number) => Array.from({ length: n }, (_, i) => `t${i + 1}`);

describe('rotation plan', () => {
  it('three tables over three rounds: everyone home, then one table on, then two', () => {
    const plan = rotationPlan(['a', 'b', 'c'], 3);
    expect(plan.map((r) => [r.round, r.moves.map((m) => `${m.group}>${m.to}`).join(' ')])).toEqual([
      [1, 'a>a b>b c>c'],
      [2, 'a>b b>c c>a'],
      [3, 'a>c b>a c>b'],
    ]);
  });

  it('for 1..8 tables and 1..8 rounds: home first, one group per table, no revisits while possible', () => {
    for (let n = 1; n <= 8; n++) {
      for (let rounds = 1; rounds <= 8; rounds++) {
        const ids = tableIds(n);
        const plan = rotationPlan(ids, rounds);
        const where = `${n} tables, ${rounds} rounds`;
        expect(plan.map((r) => r.round), where).toEqual(Array.from({ length: rounds }, (_, i) => i + 1));
        expect(plan[0]!.moves.every((m) => m.to === m.group), where).toBe(true);
        for (const { moves } of plan) {
          expect(moves.map((m) => m.group), where).toEqual(ids);
          expect([...moves.map((m) => m.to)].sort(), where).toEqual([...ids].sort());
        }
        for (const group of ids) {
          const visits = plan.map((r) => r.moves.find((m) => m.group === group)!.to);
          if (rounds <= n) expect(new Set(visits).size, `${where}, group ${group}`).toBe(rounds);
          else expect(new Set(visits).size, `${where}, group ${group}`).toBe(n);
        }
      }
    }
  });

  it('more rounds than tables start over from home', () => {
    const plan = rotationPlan(['a', 'b'], 5);
    expect(plan.map((r) => r.moves.find((m) => m.group === 'a')!.to)).toEqual(['a', 'b', 'a', 'b', 'a']);
  });

  it('is the same plan on every device, and a duplicated table id counts once', () => {
    expect(rotationPlan(['a', 'b', 'c'], 3)).toEqual(rotationPlan(['a', 'b', 'c'], 3));
    expect(rotationPlan(['a', 'b', 'a'], 2)).toEqual(rotationPlan(['a', 'b'], 2));
  });

  it('no tables or no rounds plan nothing to move', () => {
    expect(rotationPlan([], 2)).toEqual([
      { round: 1, moves: [] },
      { round: 2, moves: [] },
    ]);
    expect(rotationPlan(['a'], 0)).toEqual([]);
    expect(rotationPlan(['a'], Number.NaN)).toEqual([]);
  });
});

const note = (id: string, table: string, round: number): Note => ({
  id,
  text: id,
  phase: 'ideal',
  topic: 'ngos',
  x: 0,
  y: 0,
  color: 'yellow',
  table,
  author: '',
  round,
  createdAt: 0,
  order: 0,
  stack: '',
});

describe('new since last round', () => {
  const notes = [
    note('t1-r1-a', 't1', 1),
    note('t2-r1', 't2', 1),
    note('t1-r2', 't1', 2),
    note('t1-r1-b', 't1', 1),
    note('t1-r0', 't1', 0),
  ];

  it('the host sees what the previous group wrote at this table, in the given order', () => {
    expect(notesNewSinceLastRound(notes, 't1', 2).map((n) => n.id)).toEqual(['t1-r1-a', 't1-r1-b']);
    expect(notesNewSinceLastRound(notes, 't1', 3).map((n) => n.id)).toEqual(['t1-r2']);
    expect(notesNewSinceLastRound(notes, 't2', 2).map((n) => n.id)).toEqual(['t2-r1']);
  });

  it('before the second round there is no previous group to hand over from', () => {
    expect(notesNewSinceLastRound(notes, 't1', 1)).toEqual([]);
    expect(notesNewSinceLastRound(notes, 't1', 0)).toEqual([]);
    expect(notesNewSinceLastRound(notes, '', 2)).toEqual([]);
  });
});

describe('a table host\'s "new since last round" on the board', () => {
  it('follows the table picked, the round and the notes; the highlight shows only when it can', () => {
    createRoot((dispose) => {
      const [notes, setNotes] = createSignal<Note[]>([note('t1-r1', 't1', 1), note('t2-r1', 't2', 1)]);
      const [table, setTable] = createSignal('');
      const [round, setRound] = createSignal(1);
      const view = createNewSince(notes, table, round);
      view.setShown(true);
      // No table, or no previous round: nothing to offer, nothing highlighted.
      expect(view.available()).toBe(false);
      expect(view.shown()).toBe(false);
      setTable('t1');
      expect(view.available()).toBe(false);
      setRound(2);
      expect(view.available()).toBe(true);
      expect(view.shown()).toBe(true);
      expect([...view.ids()]).toEqual(['t1-r1']);
      // A note written now (this round) is not new since the last round; one from the last is.
      setNotes([...notes(), note('t1-r2', 't1', 2), note('t1-r1-late', 't1', 1)]);
      expect([...view.ids()]).toEqual(['t1-r1', 't1-r1-late']);
      setTable('t2');
      expect([...view.ids()]).toEqual(['t2-r1']);
      setRound(3);
      expect([...view.ids()]).toEqual([]);
      view.setShown(false);
      expect(view.shown()).toBe(false);
      dispose();
    });
  });
});
