import * as Y from 'yjs';
import { createRoot } from 'solid-js';
import { describe, expect, it, vi } from 'vitest';
import { addPhase, applyTemplate, CLOCK_SAMPLES, formOf, readSession } from '@wcb/shared';
import { makeServerClock } from '../../client/src/sync/clock';
import { createFacilitation, reorderTarget, type Facilitation } from '../../client/src/sync/facilitation';

/** A fake network: each request takes `rtts[i]` local ms, and the server runs `skew` ms ahead. */
function fakeNetwork(skew: number, rtts: number[]) {
  let local = 1_000_000;
  let calls = 0;
  const fetchTime = async (): Promise<number> => {
    const rtt = rtts[calls++ % rtts.length]!;
    if (rtt < 0) throw new Error('offline');
    // Lopsided on purpose: the whole delay on the way there.
    local += rtt;
    return local + skew;
  };
  return { fetchTime, localNow: () => local, calls: () => calls, advance: (ms: number) => (local += ms) };
}

describe('server clock', () => {
  it('is the local clock until a sample arrives, then keeps the smallest round trip', async () => {
    const net = fakeNetwork(5_000, [400, 20, 300, 250, 500]);
    const clock = makeServerClock({ fetchTime: net.fetchTime, localNow: net.localNow });
    expect(clock.now()).toBe(net.localNow());
    expect(clock.estimate()).toBeNull();
    const estimate = await clock.sync();
    expect(net.calls()).toBe(CLOCK_SAMPLES);
    expect(estimate?.rttMs).toBe(20);
    // Error at most half the best round trip.
    expect(Math.abs(clock.now() - (net.localNow() + 5_000))).toBeLessThanOrEqual(10);
  });

  it('runs one sampling round at a time and tells subscribers', async () => {
    const net = fakeNetwork(-2_000, [10]);
    const clock = makeServerClock({ fetchTime: net.fetchTime, localNow: net.localNow, samples: 3 });
    const seen: number[] = [];
    clock.subscribe((e) => seen.push(Math.round(e!.offsetMs)));
    await Promise.all([clock.sync(), clock.sync()]);
    expect(net.calls()).toBe(3);
    expect(seen).toEqual([-1_995]);
  });

  it('keeps the last estimate when a later round gets no answer', async () => {
    let offline = false;
    const net = fakeNetwork(3_000, [10]);
    const clock = makeServerClock({
      fetchTime: () => (offline ? Promise.reject(new Error('offline')) : net.fetchTime()),
      localNow: net.localNow,
    });
    await clock.sync();
    const before = clock.estimate();
    offline = true;
    await expect(clock.sync()).resolves.toEqual(before);
    expect(clock.estimate()).toEqual(before);
  });

  it('ignores answers without a time and never throws', async () => {
    const clock = makeServerClock({ fetchTime: async () => Number.NaN, localNow: () => 42 });
    await expect(clock.sync()).resolves.toBeNull();
    expect(clock.now()).toBe(42);
  });
});

describe('topic reorder target', () => {
  const ids = ['a', 'b', 'c'];
  it('moves up before the previous one and down before the one after next', () => {
    expect(reorderTarget(ids, 'b', -1)).toBe('a');
    expect(reorderTarget(ids, 'a', 1)).toBe('c');
    expect(reorderTarget(ids, 'b', 1)).toBeNull();
  });
  it('does nothing at the ends or for an unknown id', () => {
    expect(reorderTarget(ids, 'a', -1)).toBeUndefined();
    expect(reorderTarget(ids, 'c', 1)).toBeUndefined();
    expect(reorderTarget(ids, 'x', 1)).toBeUndefined();
  });
});

/** A control document from the NGO template, and the facilitation actions over it. */
function withFacilitation(canControl: boolean, run: (f: Facilitation, doc: Y.Doc) => void): void {
  const doc = new Y.Doc();
  applyTemplate(doc, { sessionId: 'session-0001', templateId: 'world-cafe-ngo', language: 'en', now: 1 });
  createRoot((dispose) => {
    try {
      run(
        createFacilitation(
          doc,
          () => canControl,
          () => false,
        ),
        doc,
      );
    } finally {
      dispose();
    }
  });
}

describe('facilitation: setup writes', () => {
  it('do nothing for someone who does not control the session', () => {
    withFacilitation(false, (f, doc) => {
      const matrix = addPhase(doc, { title: 'Benefits', kind: 'matrix' });
      const before = Y.encodeStateVector(doc);
      let updates = 0;
      doc.on('update', () => updates++);
      f.setLanguage('uk');
      f.removeTopic('community');
      f.movePhase(['ideal', 'reality', 'steps'], 'steps', -1);
      f.removePhase('reality');
      f.removeTable('t1');
      expect(f.addPrompt(matrix, { role: 'row', label: 'Training' })).toBeNull();
      f.updatePrompt('x', { label: 'y' });
      f.movePrompt(['x', 'y'], 'x', 1);
      f.removePrompt('x');
      expect(updates).toBe(0);
      expect(Y.encodeStateVector(doc)).toEqual(before);
    });
  });

  it('change the session for the facilitator, one shared mutation each', () => {
    withFacilitation(true, (f, doc) => {
      f.setLanguage('ru');
      f.removeTopic('community');
      f.movePhase(['ideal', 'reality', 'steps'], 'steps', -1);
      f.removeTable('t1');
      const s = readSession(doc);
      expect(s.meta.language).toBe('ru');
      expect(s.topics.map((topic) => topic.id)).toEqual(['government', 'ngos']);
      expect(s.phases.map((p) => p.id)).toEqual(['ideal', 'steps', 'reality']);
      expect(s.tables.some((table) => table.id === 't1')).toBe(false);
      f.removePhase('steps');
      expect(readSession(doc).phases.map((p) => p.id)).toEqual(['ideal', 'reality']);
    });
  });

  it('build a matrix form: add, rename, reorder and remove prompts', () => {
    withFacilitation(true, (f, doc) => {
      const phase = f.addPhase({ title: 'Benefits', kind: 'matrix' })!;
      const r1 = f.addPrompt(phase, { role: 'row', label: 'Training' })!;
      const r2 = f.addPrompt(phase, { role: 'row', label: 'Funding' })!;
      const c1 = f.addPrompt(phase, { role: 'column', label: 'Council' })!;
      f.updatePrompt(r1, { label: 'Joint training' });
      f.movePrompt([r1, r2], r2, -1);
      const form = () => formOf(readSession(doc).prompts, phase);
      expect(form().rows.map((p) => p.label)).toEqual(['Funding', 'Joint training']);
      expect(form().columns.map((p) => p.id)).toEqual([c1]);
      // At the top already: nothing moves, nothing is written.
      let updates = 0;
      doc.on('update', () => updates++);
      f.movePrompt([r2, r1], r2, -1);
      expect(updates).toBe(0);
      f.removePrompt(r1);
      expect(form().rows.map((p) => p.id)).toEqual([r2]);
    });
  });

  it('survive a prompt another facilitator removed meanwhile', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      withFacilitation(true, (f) => {
        expect(() => f.updatePrompt('gone', { label: 'x' })).not.toThrow();
        expect(() => f.movePrompt(['gone', 'other'], 'gone', 1)).not.toThrow();
      });
      expect(warn).toHaveBeenCalledTimes(2);
    } finally {
      warn.mockRestore();
    }
  });
});
