import type * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createRoot, createSignal } from 'solid-js';
import { buildSessionDocs, readRunCursor } from '@wcb/shared';
import { createRunSheet } from '../../client/src/sync/run-sheet';

const T0 = 1_700_000_000_000;
const updateListeners = (doc: Y.Doc): number => (doc as unknown as { _observers: Map<string, Set<unknown>> })._observers.get('update')?.size ?? 0;
const clock = { now: () => T0, offset: () => 0 };
const control = () => buildSessionDocs({ sessionId: 'session-0001', templateId: 'world-cafe-ngo', language: 'en' }).control;

describe('client run sheet', () => {
  it('shows now and next, writes only for a facilitator, and a press from a stale seq does nothing', () => {
    const doc = control();
    createRoot((dispose) => {
      const [canControl, setCanControl] = createSignal(false);
      const run = createRunSheet(doc, canControl, clock);
      expect(run.view().now.kind).toBe('start');
      expect(run.view().next).toMatchObject({ kind: 'step', round: 1 });
      run.next(0);
      expect(readRunCursor(doc).seq).toBe(0);
      setCanControl(true);
      run.next(0);
      expect(run.view().cursor.seq).toBe(1);
      expect(run.view().now).toMatchObject({ kind: 'step', round: 1 });
      // Pressed on a strip that still showed seq 0: another press got there first.
      run.next(0);
      expect(run.view().cursor.seq).toBe(1);
      run.back(1);
      expect(run.view().now.kind).toBe('start');
      dispose();
    });
  });

  it('stops listening to the control document with its owner', () => {
    const doc = control();
    const before = updateListeners(doc);
    createRoot((dispose) => {
      createRunSheet(doc, () => true, clock);
      expect(updateListeners(doc)).toBe(before + 1);
      dispose();
    });
    expect(updateListeners(doc)).toBe(before);
  });
});
