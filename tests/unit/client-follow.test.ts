import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  applyTemplate,
  controlMaps,
  isLocalOrigin,
  parseSpotlight,
  readSession,
  readSpotlight,
  sameSpotlight,
  setSpotlight,
  viewedPhase,
} from '@wcb/shared';
import { centreOf, centredOn, easeInOut, interpolateViewport } from '../../client/src/board-logic/viewport';
import { createFollowViewport, createPresses, spotOf } from '../../client/src/sync/follow';
import { createRoot, createSignal } from 'solid-js';
import type { Size, Viewport } from '../../client/src/board-logic/viewport';
import type { Spotlight } from '@wcb/shared';

function controlDoc(): Y.Doc {
  const doc = new Y.Doc();
  applyTemplate(doc, { sessionId: 's1', templateId: 'world-cafe-ngo', language: 'en', now: 1 });
  return doc;
}

describe('spotlight (control state "follow")', () => {
  it('is absent on a new session, then written whole with a growing seq and the current phase', () => {
    const doc = controlDoc();
    expect(readSpotlight(doc)).toBeNull();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));

    const first = setSpotlight(doc, 'reality', { cx: 10, cy: -20, zoom: 1.5 });
    expect(first).toEqual({ phaseId: 'reality', viewport: { cx: 10, cy: -20, zoom: 1.5 }, seq: 1 });
    expect(readSpotlight(doc)).toEqual(first);
    expect(readSession(doc).state.currentPhase).toBe('reality');
    expect(origins).toHaveLength(1);
    expect(isLocalOrigin(origins[0]) && origins[0].action).toBe('follow.spotlight');

    // The same spot again is a new send.
    expect(setSpotlight(doc, 'reality', { cx: 10, cy: -20, zoom: 1.5 }).seq).toBe(2);
    expect(setSpotlight(doc, 'steps', null)).toEqual({ phaseId: 'steps', viewport: null, seq: 3 });
    expect(readSession(doc).state.currentPhase).toBe('steps');
  });

  it('refuses an unknown phase', () => {
    const doc = controlDoc();
    expect(() => setSpotlight(doc, 'nope', null)).toThrow();
    expect(readSpotlight(doc)).toBeNull();
  });

  it('reaches another replica', () => {
    const a = controlDoc();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    setSpotlight(a, 'ideal', { cx: 1, cy: 2, zoom: 0.5 });
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readSpotlight(b)).toEqual({ phaseId: 'ideal', viewport: { cx: 1, cy: 2, zoom: 0.5 }, seq: 1 });
  });

  it('reads malformed values tolerantly', () => {
    expect(parseSpotlight(null)).toBeNull();
    expect(parseSpotlight('reality')).toBeNull();
    expect(parseSpotlight({ phaseId: '' })).toBeNull();
    expect(parseSpotlight({ phaseId: 42 })).toBeNull();
    expect(parseSpotlight({ phaseId: 'p' })).toEqual({ phaseId: 'p', viewport: null, seq: 0 });
    expect(parseSpotlight({ phaseId: 'p', seq: 'x', viewport: { cx: 1, cy: 2 } })).toEqual({ phaseId: 'p', viewport: null, seq: 0 });
    expect(parseSpotlight({ phaseId: 'p', seq: 2.7, viewport: { cx: 1, cy: 2, zoom: 0 } })).toEqual({ phaseId: 'p', viewport: null, seq: 2 });
    expect(parseSpotlight({ phaseId: 'p', seq: 3, viewport: { cx: 1, cy: 2, zoom: Infinity } })?.viewport).toBeNull();
    expect(parseSpotlight({ phaseId: 'p', seq: 3, viewport: { cx: 1, cy: 2, zoom: 2 }, extra: true })).toEqual({
      phaseId: 'p',
      viewport: { cx: 1, cy: 2, zoom: 2 },
      seq: 3,
    });
    // An older client's screen offset carries no board point: the phase still counts, the place does not.
    expect(parseSpotlight({ phaseId: 'p', seq: 5, viewport: { x: 1, y: 2, zoom: 2 } })).toEqual({ phaseId: 'p', viewport: null, seq: 5 });
    const doc = controlDoc();
    controlMaps(doc).state.set('follow', ['junk']);
    expect(readSpotlight(doc)).toBeNull();
    // A later spotlight still works over junk.
    expect(setSpotlight(doc, 'ideal', null).seq).toBe(1);
  });

  it('compares by value', () => {
    const s = { phaseId: 'p', viewport: { cx: 1, cy: 2, zoom: 1 }, seq: 1 };
    expect(sameSpotlight(s, { ...s, viewport: { ...s.viewport } })).toBe(true);
    expect(sameSpotlight(s, { ...s, seq: 2 })).toBe(false);
    expect(sameSpotlight(s, { ...s, viewport: null })).toBe(false);
    expect(sameSpotlight(null, null)).toBe(true);
    expect(sameSpotlight(s, null)).toBe(false);
  });
});

describe('viewed phase', () => {
  const phaseIds = ['ideal', 'reality', 'steps'];
  it('is the current phase while following, else the phase the person is on, if it still exists', () => {
    expect(viewedPhase({ following: true, currentPhase: 'reality', localPhase: 'ideal', phaseIds })).toBe('reality');
    expect(viewedPhase({ following: false, currentPhase: 'steps', localPhase: 'ideal', phaseIds })).toBe('ideal');
    expect(viewedPhase({ following: false, currentPhase: 'steps', localPhase: null, phaseIds })).toBe('steps');
    expect(viewedPhase({ following: false, currentPhase: 'steps', localPhase: 'deleted', phaseIds })).toBe('steps');
  });
});

describe('each press of "bring everyone here", once', () => {
  const run = (initial: Spotlight | null, known = true) => {
    const [spotlight, setSpot] = createSignal<Spotlight | null>(initial);
    const [ready, setReady] = createSignal(known);
    const presses: number[] = [];
    const dispose = createRoot((d) => {
      createPresses(spotlight, ready, (spot) => presses.push(spot.seq));
      return d;
    });
    return { setSpot, setReady, presses, dispose };
  };
  const spot = (seq: number, phaseId = 'steps'): Spotlight => ({ phaseId, viewport: null, seq });

  it('takes the spotlight there when the session became known as seen, and counts every later one once', () => {
    const r = run(spot(3));
    expect(r.presses).toEqual([]);
    r.setSpot(spot(4));
    // The same value read again (another control update) is no new press.
    r.setSpot(spot(4));
    r.setSpot(spot(5, 'ideal'));
    expect(r.presses).toEqual([4, 5]);
    r.dispose();
  });

  it('waits for the session to be known before taking anything as seen', () => {
    const r = run(null, false);
    // IndexedDB brings an old spotlight, then the server one pressed while this device was away.
    r.setSpot(spot(2));
    r.setReady(true);
    expect(r.presses).toEqual([]);
    r.setSpot(spot(6));
    expect(r.presses).toEqual([6]);
    r.dispose();
  });

  it('counts the first press of a session that had none', () => {
    const r = run(null);
    r.setSpot(spot(1));
    expect(r.presses).toEqual([1]);
    r.dispose();
  });
});

describe('followed viewport animation', () => {
  const a = { x: 0, y: 0, zoom: 1 };
  const b = { x: 100, y: -50, zoom: 4 };
  it('starts at one viewport and ends exactly at the other', () => {
    expect(interpolateViewport(a, b, 0)).toEqual(a);
    expect(interpolateViewport(a, b, 1)).toEqual(b);
    expect(interpolateViewport(a, b, 2)).toEqual(b);
    const mid = interpolateViewport(a, b, 0.5);
    expect(mid.x).toBeCloseTo(50);
    expect(mid.y).toBeCloseTo(-25);
    // Geometric zoom: halfway between 1 and 4 is 2.
    expect(mid.zoom).toBeCloseTo(2);
  });
  it('eases in and out', () => {
    expect(easeInOut(0)).toBe(0);
    expect(easeInOut(1)).toBe(1);
    expect(easeInOut(0.5)).toBeCloseTo(0.5);
    expect(easeInOut(0.1)).toBeLessThan(0.1);
    expect(easeInOut(0.9)).toBeGreaterThan(0.9);
    expect(easeInOut(-1)).toBe(0);
  });
});

describe('spotlight as a board point', () => {
  it('puts the facilitator\'s centre point at the centre of a follower\'s canvas of another size', () => {
    const facilitatorView = { x: -300, y: 120, zoom: 0.8 };
    const facilitatorCanvas = { width: 1400, height: 800 };
    const spot = spotOf(facilitatorView, facilitatorCanvas);
    expect(spot).not.toBeNull();
    // The board point under the middle of the facilitator's canvas.
    expect(spot!.cx).toBeCloseTo((700 + 300) / 0.8);
    expect(spot!.cy).toBeCloseTo((400 - 120) / 0.8);
    expect(spot!.zoom).toBe(0.8);

    const followerCanvas = { width: 600, height: 900 };
    const followed = centredOn({ x: spot!.cx, y: spot!.cy }, spot!.zoom, followerCanvas);
    const seen = centreOf(followed, followerCanvas);
    expect(seen.x).toBeCloseTo(spot!.cx);
    expect(seen.y).toBeCloseTo(spot!.cy);
    expect(followed.zoom).toBe(0.8);
    // The old behaviour (copying the offset) would have shown another point.
    expect(centreOf(facilitatorView, followerCanvas).x).not.toBeCloseTo(spot!.cx);
  });

  it('sends no place before the canvas was measured', () => {
    expect(spotOf({ x: 0, y: 0, zoom: 1 }, null)).toBeNull();
    expect(spotOf({ x: 0, y: 0, zoom: 1 }, { width: 0, height: 0 })).toBeNull();
  });

  it('clamps a zoom out of range when centring', () => {
    expect(centredOn({ x: 0, y: 0 }, 100, { width: 10, height: 10 }).zoom).toBe(3);
  });
});

describe('following a spotlight on this device', () => {
  const mount = (following: () => boolean = () => false) => {
    const [brought, setBrought] = createSignal<Spotlight | null>(null, { equals: false });
    const [spotlight, setSpotlight] = createSignal<Spotlight | null>(null);
    const [size, setSize] = createSignal<Size | null>(null);
    const [viewport, setViewport] = createSignal<Viewport>({ x: 0, y: 0, zoom: 1 });
    const [phase, setPhase] = createSignal('ideal');
    const source = { brought, spotlight, following, viewPhase: phase };
    // Effects start once the root is set up, as on a mounted board.
    const dispose = createRoot((d) => {
      createFollowViewport(source, viewport, setViewport, size);
      return d;
    });
    return { setBrought, setSpotlight, setSize, viewport, setPhase, dispose };
  };

  it('centres the sent board point on this canvas, waiting for the canvas to be measured', () => {
    const m = mount();
    m.setBrought({ phaseId: 'ideal', viewport: { cx: 500, cy: 300, zoom: 2 }, seq: 1 });
    // Not measured yet: nothing moves.
    expect(m.viewport()).toEqual({ x: 0, y: 0, zoom: 1 });
    m.setSize({ width: 800, height: 600 });
    expect(m.viewport()).toEqual({ x: 400 - 1000, y: 300 - 600, zoom: 2 });
    // A resize later does not replay an applied spotlight.
    m.setSize({ width: 400, height: 300 });
    expect(m.viewport()).toEqual({ x: -600, y: -300, zoom: 2 });
    // An older client's spotlight (no place) moves nothing.
    m.setBrought({ phaseId: 'ideal', viewport: null, seq: 2 });
    expect(m.viewport()).toEqual({ x: -600, y: -300, zoom: 2 });
    m.dispose();
  });

  it('moves a person who is not following, once the phase it brings them to is shown', () => {
    const m = mount();
    m.setSize({ width: 800, height: 600 });
    m.setBrought({ phaseId: 'steps', viewport: { cx: 100, cy: 100, zoom: 1 }, seq: 3 });
    expect(m.viewport()).toEqual({ x: 0, y: 0, zoom: 1 });
    m.setPhase('steps');
    expect(m.viewport()).toEqual({ x: 300, y: 200, zoom: 1 });
    m.dispose();
  });

  it('applies the latest spotlight again when the person turns follow mode on', () => {
    const [following, setFollowing] = createSignal(false);
    const m = mount(following);
    m.setSize({ width: 800, height: 600 });
    m.setSpotlight({ phaseId: 'ideal', viewport: { cx: 400, cy: 300, zoom: 1.5 }, seq: 2 });
    expect(m.viewport()).toEqual({ x: 0, y: 0, zoom: 1 });
    setFollowing(true);
    expect(m.viewport()).toEqual({ x: 400 - 600, y: 300 - 450, zoom: 1.5 });
    m.dispose();
  });
});
