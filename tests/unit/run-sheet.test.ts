import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  addRunStep,
  buildSessionDocs,
  controlMaps,
  moveRunStep,
  nextAt,
  readControlFacts,
  readRounds,
  readRunCursor,
  readRunSteps,
  readSession,
  readSpotlight,
  readTimer,
  readVotingSettings,
  removeRunStep,
  runAt,
  runBack,
  runNext,
  runSheetMap,
  setPhaseLocked,
  TEMPLATES,
  updateRunStep,
} from '@wcb/shared';
import { replica, syncAll } from '../support/ydocs';

const T0 = 1_700_000_000_000;
const MIN = 60_000;
const cafe = (templateId = 'world-cafe-ngo') => buildSessionDocs({ sessionId: 'session-0001', templateId, language: 'en' }).control;
/** Presses Next from wherever the cursor is. */
const next = (doc: Y.Doc, now = T0) => runNext(doc, readRunCursor(doc).seq, now);
const back = (doc: Y.Doc) => runBack(doc, readRunCursor(doc).seq);
const where = (doc: Y.Doc) => {
  const at = runAt(doc);
  return at.kind === 'step' ? `${at.step.kind}:${'phaseId' in at.step ? at.step.phaseId : ''}:${at.round}` : at.kind;
};

describe('run sheet: templates and editing', () => {
  it("seed 003's café comes with its run sheet: three phases in rounds, a vote on the ideal vision, locks, results", () => {
    const steps = readRunSteps(cafe());
    expect(steps.map((s) => `${s.kind}${'phaseId' in s ? ':' + s.phaseId : ''}`)).toEqual([
      'phase:ideal', 'vote:ideal', 'lock:ideal', 'break', 'phase:reality', 'lock:reality', 'phase:steps', 'lock:steps', 'results:ideal',
    ]);
    expect(steps[0]).toMatchObject({ rounds: 3, roundMinutes: 20, rotate: true });
  });

  it('every template carries a run sheet whose steps name only its own phases', () => {
    for (const template of TEMPLATES) {
      const doc = cafe(template.id);
      const phases = new Set(readSession(doc).phases.map((p) => p.id));
      const steps = readRunSteps(doc);
      expect(steps.length, template.id).toBeGreaterThan(0);
      for (const s of steps) if ('phaseId' in s && s.phaseId) expect(phases.has(s.phaseId), `${template.id} ${s.phaseId}`).toBe(true);
    }
  });

  it('applying the template on two peers converges on one sheet, not two', () => {
    const a = cafe();
    const b = cafe();
    syncAll([a, b]);
    expect(readRunSteps(a)).toHaveLength(9);
  });

  it('steps are added, edited, moved and removed; malformed steps are refused', () => {
    const doc = cafe();
    const id = addRunStep(doc, { kind: 'break', minutes: 5 });
    expect(readRunSteps(doc).at(-1)).toMatchObject({ id, kind: 'break', minutes: 5 });
    updateRunStep(doc, id, { minutes: 12 });
    expect(readRunSteps(doc).at(-1)).toMatchObject({ id, minutes: 12 });
    moveRunStep(doc, id, -1);
    expect(readRunSteps(doc).at(-2)?.id).toBe(id);
    expect(() => updateRunStep(doc, id, { minutes: 0 })).toThrow();
    expect(() => updateRunStep(doc, id, { minutes: 2.5 })).toThrow();
    expect(() => addRunStep(doc, { kind: 'vote', phaseId: 'ideal', budget: 999, minutes: 5 })).toThrow();
    expect(() => addRunStep(doc, { kind: 'nap' } as never)).toThrow();
    expect(() => addRunStep(doc, { kind: 'lock', phaseId: '../x' })).toThrow();
    removeRunStep(doc, id);
    expect(readRunSteps(doc).some((s) => s.id === id)).toBe(false);
  });

  it('a malformed step written by a peer is not read (Next skips it)', () => {
    const doc = cafe();
    const bad = new Y.Map<unknown>();
    bad.set('kind', 'vote');
    bad.set('phaseId', 'ideal');
    bad.set('budget', -3);
    bad.set('order', 0.5);
    runSheetMap(doc).set('evil', bad);
    expect(readRunSteps(doc).map((s) => s.id)).not.toContain('evil');
    next(doc);
    expect(where(doc)).toBe('phase:ideal:1');
  });
});

describe('run sheet: Next', () => {
  it('a phase step brings everyone to the phase and starts round 1 of its rounds with its timer, in one transaction', () => {
    const doc = cafe();
    const seenBefore = readSpotlight(doc)?.seq ?? 0;
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    next(doc, T0);
    expect(transactions).toBe(1);
    expect(where(doc)).toBe('phase:ideal:1');
    expect(readSession(doc).state.currentPhase).toBe('ideal');
    expect(readSpotlight(doc)).toMatchObject({ phaseId: 'ideal', seq: seenBefore + 1 });
    expect(readRounds(doc)).toEqual({ count: 3, lengthMs: 20 * MIN, current: 1 });
    expect(readTimer(doc)).toMatchObject({ status: 'running', endsAt: T0 + 20 * MIN, round: 1 });
  });

  it('walks the rounds of a phase, then the vote opens and closes, the lock holds, the break times, results close voting', () => {
    const doc = cafe();
    next(doc);
    next(doc, T0 + 20 * MIN);
    expect(where(doc)).toBe('phase:ideal:2');
    expect(readTimer(doc)).toMatchObject({ round: 2, endsAt: T0 + 40 * MIN });
    next(doc);
    expect(readRounds(doc).current).toBe(3);
    next(doc, T0 + 60 * MIN);
    expect(where(doc)).toBe('vote:ideal:0');
    expect(readVotingSettings(doc)).toMatchObject({ phaseId: 'ideal', budget: 3, open: true });
    expect(readTimer(doc)).toMatchObject({ status: 'running', round: 0, durationMs: 10 * MIN });
    next(doc);
    expect(where(doc)).toBe('lock:ideal:0');
    expect(readVotingSettings(doc)?.open).toBe(false);
    expect(readControlFacts(doc).lockedPhases.has('ideal')).toBe(true);
    next(doc, T0 + 80 * MIN);
    expect(readTimer(doc)).toMatchObject({ status: 'running', round: 0, durationMs: 15 * MIN });
    next(doc);
    expect(readSession(doc).state.currentPhase).toBe('reality');
    expect(readRounds(doc).current).toBe(1);
    for (let i = 0; i < 4; i++) next(doc);
    expect(where(doc)).toBe('phase:steps:1');
    expect(readTimer(doc)).toMatchObject({ round: 0, durationMs: 30 * MIN });
    next(doc);
    next(doc);
    expect(where(doc)).toBe('results:ideal:0');
    expect(readSession(doc).state.currentPhase).toBe('ideal');
    expect(readTimer(doc).status).toBe('idle');
    expect(nextAt(doc).kind).toBe('done');
    expect(next(doc)).toBe(true);
    expect(where(doc)).toBe('done');
    expect(next(doc)).toBe(false);
  });

  it('a press made from a cursor that has moved on does nothing', () => {
    const doc = cafe();
    const seq = readRunCursor(doc).seq;
    expect(runNext(doc, seq, T0)).toBe(true);
    expect(runNext(doc, seq, T0)).toBe(false);
    expect(where(doc)).toBe('phase:ideal:1');
  });

  it('two facilitator devices pressing Next at once, merged, advance one step, not two', () => {
    const a = cafe();
    next(a);
    const b = replica(a);
    next(a, T0 + 1000);
    next(b, T0 + 2000);
    syncAll([a, b]);
    expect(where(a)).toBe('phase:ideal:2');
    expect(where(b)).toBe('phase:ideal:2');
    expect(readRounds(a).current).toBe(2);
    // Once merged, a device that pressed again from the old seq changes nothing.
    expect(runNext(a, 1, T0)).toBe(false);
  });

  it('a press made offline applies locally and merges whole when the device comes back', () => {
    const online = cafe();
    const offline = replica(online);
    next(offline);
    expect(where(online)).toBe('start');
    syncAll([online, offline]);
    expect(where(online)).toBe('phase:ideal:1');
    expect(readTimer(online).status).toBe('running');
  });

  it('a step whose phase was removed is skipped; removing the current step goes on from its place', () => {
    const doc = cafe();
    next(doc);
    const steps = readRunSteps(doc);
    controlMaps(doc).phases.delete('reality');
    removeRunStep(doc, steps[0]!.id);
    next(doc);
    expect(where(doc)).toBe('vote:ideal:0');
    next(doc);
    next(doc);
    next(doc);
    expect(where(doc)).toBe('phase:steps:1');
  });
});

describe('run sheet: Back', () => {
  it('Back undoes the last step: voting reopens, the lock is lifted, the timer and phase come back', () => {
    const doc = cafe();
    for (let i = 0; i < 4; i++) next(doc, T0 + i * MIN);
    const voteTimer = readTimer(doc);
    next(doc);
    expect(readControlFacts(doc).lockedPhases.has('ideal')).toBe(true);
    back(doc);
    expect(where(doc)).toBe('vote:ideal:0');
    expect(readControlFacts(doc)).toMatchObject({ votingPhase: 'ideal' });
    expect(readControlFacts(doc).lockedPhases.has('ideal')).toBe(false);
    expect(readTimer(doc)).toEqual(voteTimer);
    back(doc);
    expect(where(doc)).toBe('phase:ideal:3');
    expect(readVotingSettings(doc)?.open ?? false).toBe(false);
    expect(readRounds(doc).current).toBe(3);
  });

  it('Back to another phase brings everyone there with a new spotlight; back to the start restores the state before', () => {
    const doc = cafe();
    const before = readTimer(doc);
    for (let i = 0; i < 7; i++) next(doc);
    expect(readSession(doc).state.currentPhase).toBe('reality');
    const seq = readSpotlight(doc)!.seq;
    back(doc);
    expect(readSession(doc).state.currentPhase).toBe('ideal');
    expect(readSpotlight(doc)).toMatchObject({ phaseId: 'ideal', seq: seq + 1 });
    while (back(doc));
    expect(where(doc)).toBe('start');
    expect(readTimer(doc)).toEqual(before);
    expect(back(doc)).toBe(false);
  });

  it('a lock the facilitator had set by hand before the lock step stays after Back', () => {
    const doc = cafe();
    for (let i = 0; i < 4; i++) next(doc);
    setPhaseLocked(doc, 'ideal', true);
    next(doc);
    back(doc);
    expect(readControlFacts(doc).lockedPhases.has('ideal')).toBe(true);
  });
});
