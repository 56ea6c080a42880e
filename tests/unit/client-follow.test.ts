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
  shouldApplySpotlight,
  viewedPhase,
} from '@wcb/shared';
import { easeInOut, interpolateViewport } from '../../client/src/board/viewport';

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

    const first = setSpotlight(doc, 'reality', { x: 10, y: -20, zoom: 1.5 });
    expect(first).toEqual({ phaseId: 'reality', viewport: { x: 10, y: -20, zoom: 1.5 }, seq: 1 });
    expect(readSpotlight(doc)).toEqual(first);
    expect(readSession(doc).state.currentPhase).toBe('reality');
    expect(origins).toHaveLength(1);
    expect(isLocalOrigin(origins[0]) && origins[0].action).toBe('follow.spotlight');

    // The same spot again is a new send.
    expect(setSpotlight(doc, 'reality', { x: 10, y: -20, zoom: 1.5 }).seq).toBe(2);
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
    setSpotlight(a, 'ideal', { x: 1, y: 2, zoom: 0.5 });
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readSpotlight(b)).toEqual({ phaseId: 'ideal', viewport: { x: 1, y: 2, zoom: 0.5 }, seq: 1 });
  });

  it('reads malformed values tolerantly', () => {
    expect(parseSpotlight(null)).toBeNull();
    expect(parseSpotlight('reality')).toBeNull();
    expect(parseSpotlight({ phaseId: '' })).toBeNull();
    expect(parseSpotlight({ phaseId: 42 })).toBeNull();
    expect(parseSpotlight({ phaseId: 'p' })).toEqual({ phaseId: 'p', viewport: null, seq: 0 });
    expect(parseSpotlight({ phaseId: 'p', seq: 'x', viewport: { x: 1, y: 2 } })).toEqual({ phaseId: 'p', viewport: null, seq: 0 });
    expect(parseSpotlight({ phaseId: 'p', seq: 2.7, viewport: { x: 1, y: 2, zoom: 0 } })).toEqual({ phaseId: 'p', viewport: null, seq: 2 });
    expect(parseSpotlight({ phaseId: 'p', seq: 3, viewport: { x: 1, y: 2, zoom: Infinity } })?.viewport).toBeNull();
    expect(parseSpotlight({ phaseId: 'p', seq: 3, viewport: { x: 1, y: 2, zoom: 2 }, extra: true })).toEqual({
      phaseId: 'p',
      viewport: { x: 1, y: 2, zoom: 2 },
      seq: 3,
    });
    const doc = controlDoc();
    controlMaps(doc).state.set('follow', ['junk']);
    expect(readSpotlight(doc)).toBeNull();
    // A later spotlight still works over junk.
    expect(setSpotlight(doc, 'ideal', null).seq).toBe(1);
  });

  it('compares by value', () => {
    const s = { phaseId: 'p', viewport: { x: 1, y: 2, zoom: 1 }, seq: 1 };
    expect(sameSpotlight(s, { ...s, viewport: { ...s.viewport } })).toBe(true);
    expect(sameSpotlight(s, { ...s, seq: 2 })).toBe(false);
    expect(sameSpotlight(s, { ...s, viewport: null })).toBe(false);
    expect(sameSpotlight(null, null)).toBe(true);
    expect(sameSpotlight(s, null)).toBe(false);
  });
});

describe('viewed phase and when to follow', () => {
  const phaseIds = ['ideal', 'reality', 'steps'];
  it('follows the current phase unless the person left follow mode for a phase that exists', () => {
    expect(viewedPhase({ following: true, currentPhase: 'reality', localPhase: 'ideal', phaseIds })).toBe('reality');
    expect(viewedPhase({ following: false, currentPhase: 'steps', localPhase: 'ideal', phaseIds })).toBe('ideal');
    expect(viewedPhase({ following: false, currentPhase: 'steps', localPhase: null, phaseIds })).toBe('steps');
    expect(viewedPhase({ following: false, currentPhase: 'steps', localPhase: 'deleted', phaseIds })).toBe('steps');
  });

  it('applies each send once, only while following', () => {
    const spot = { phaseId: 'steps', viewport: null, seq: 4 };
    expect(shouldApplySpotlight(null, null, true)).toBe(false);
    expect(shouldApplySpotlight(spot, null, true)).toBe(true);
    expect(shouldApplySpotlight(spot, 3, true)).toBe(true);
    expect(shouldApplySpotlight(spot, 4, true)).toBe(false);
    expect(shouldApplySpotlight(spot, 3, false)).toBe(false);
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
