import * as Y from 'yjs';
import { createRoot, createSignal } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { answerMaps, cellKey, initPhaseDoc, phaseIdOf, setCellText, setCellTicked, setChecked } from '@wcb/shared';
import { makeFormActions, makeFormProjection } from '../../client/src/sync/form-room';

const ids = { sessionId: 'session-0001', phaseId: 'benefits' };

/** Sends everything `from` has that `to` lacks, as the provider would, with a remote origin. */
const deliver = (from: Y.Doc, to: Y.Doc) => Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), 'connection');

function phaseDoc(): Y.Doc {
  const doc = new Y.Doc();
  initPhaseDoc(doc, ids.sessionId, ids.phaseId);
  return doc;
}

describe('form projection', () => {
  it('reflects ticks, cell text and checks that arrive from another peer', () => {
    const mine = phaseDoc();
    const theirs = new Y.Doc();
    deliver(mine, theirs);
    createRoot((dispose) => {
      const { answers } = makeFormProjection(mine);
      expect(answers.cells).toEqual({});

      setCellTicked(theirs, 'r1', 'c1', true, 'Olena');
      setCellText(theirs, 'r1', 'c1', 'shared training');
      setChecked(theirs, 'stage1.a', true, 'Taras');
      deliver(theirs, mine);
      expect(answers.cells[cellKey('r1', 'c1')]).toEqual({ ticked: true, by: 'Olena', text: 'shared training' });
      expect(answers.checks['stage1.a']).toMatchObject({ done: true, by: 'Taras' });

      // Text edits inside an existing cell reach the store too (the Y.Text is nested in the cell).
      setCellText(theirs, 'r1', 'c1', 'shared training days');
      setCellTicked(theirs, 'r1', 'c1', false);
      setChecked(theirs, 'stage1.a', false);
      deliver(theirs, mine);
      expect(answers.cells[cellKey('r1', 'c1')]).toEqual({ ticked: false, by: '', text: 'shared training days' });
      expect(answers.checks['stage1.a']?.done).toBe(false);
      dispose();
    });
  });

  it('stops following the document once disposed', () => {
    const mine = phaseDoc();
    const theirs = new Y.Doc();
    deliver(mine, theirs);
    createRoot((dispose) => {
      const projection = makeFormProjection(mine);
      projection.dispose();
      setCellTicked(theirs, 'r1', 'c1', true);
      setChecked(theirs, 'item', true);
      deliver(theirs, mine);
      expect(projection.answers.cells).toEqual({});
      expect(projection.answers.checks).toEqual({});
      // The document itself did get the changes: only the projection stopped listening.
      expect(answerMaps(mine).cells.size).toBe(1);
      dispose();
    });
  });
});

describe('form actions', () => {
  it('write nothing while the room is read-only, and write again once it is not', () => {
    const doc = new Y.Doc();
    createRoot((dispose) => {
      const [readOnly, setReadOnly] = createSignal(true);
      const actions = makeFormActions(doc, ids, readOnly);
      const updates: Uint8Array[] = [];
      doc.on('update', (u: Uint8Array) => updates.push(u));

      actions.tick('r1', 'c1', true, 'Olena');
      actions.setCellText('r1', 'c1', 'text');
      actions.check('item', true, 'Olena');
      actions.answer('me', 'q1', 50);
      actions.followUp('me', 'q1', 'how');
      expect(updates).toHaveLength(0);
      expect(phaseIdOf(doc)).toBeFalsy();

      setReadOnly(false);
      actions.tick('r1', 'c1', true, 'Olena');
      // A never-synced phase doc gets its identity with its first answer.
      expect(phaseIdOf(doc)).toBe(ids.phaseId);
      expect(answerMaps(doc).cells.size).toBe(1);
      dispose();
    });
  });
});
