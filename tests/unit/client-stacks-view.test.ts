import * as Y from 'yjs';
import { createRoot } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { addNote, initPhaseDoc, stackNote } from '@wcb/shared';
import { makeNotesProjection } from '../../client/src/sync/projection';
import { createStacksView } from '../../client/src/views/board/stacks-view';
import { createNewSince } from '../../client/src/sync/new-since';
import type { Note } from '@wcb/shared';

function board(count: number): Y.Doc {
  const doc = new Y.Doc();
  initPhaseDoc(doc, 'session-0001', 'ideal');
  doc.transact(() => {
    for (let i = 0; i < count; i++) addNote(doc, { topic: 'government', text: `idea ${i}`, table: i % 2 ? 't1' : 't2', round: 1 }, i, `n${i}`);
  });
  return doc;
}

describe('stacks on the board', () => {
  it('a board without stacks gives every note its own, and edits elsewhere do not hand out a new view', () => {
    const doc = board(30);
    createRoot((dispose) => {
      const { notes } = makeNotesProjection(doc);
      const stacks = createStacksView(() => Object.values(notes).filter((n): n is Note => n !== undefined));
      const first = stacks();
      expect(first.headOf.get('n3') ?? 'n3').toBe('n3');
      expect(first.count.get('n3') ?? 1).toBe(1);
      addNote(doc, { topic: 'community', text: 'one more' }, 99, 'extra');
      expect(stacks()).toBe(first);

      // Once a note is stacked, heads and counts are those every peer resolves.
      stackNote(doc, 'n1', 'n0');
      expect(stacks().headOf.get('n1')).toBe('n0');
      expect(stacks().count.get('n0')).toBe(2);
      dispose();
    });
  });
});

describe('new since last round', () => {
  it('reads no note while it is unavailable (no table, or no previous round)', () => {
    const doc = board(10);
    createRoot((dispose) => {
      const { notes } = makeNotesProjection(doc);
      let reads = 0;
      const all = () => {
        reads++;
        return Object.values(notes).filter((n): n is Note => n !== undefined);
      };
      expect(createNewSince(all, () => '', () => 2).ids().size).toBe(0);
      expect(createNewSince(all, () => 't1', () => 1).ids().size).toBe(0);
      expect(reads).toBe(0);
      // Seated at a table after round 1: the notes written there in round 1.
      const seated = createNewSince(all, () => 't1', () => 2);
      expect(seated.available()).toBe(true);
      expect(seated.ids().size).toBe(5);
      dispose();
    });
  });
});
