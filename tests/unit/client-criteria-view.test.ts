import * as Y from 'yjs';
import { createRoot, createEffect } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { addCriterion, buildSessionDocs, criteriaMap, removeCriterion, setSelection } from '@wcb/shared';
import { createCriteriaView } from '../../client/src/sync/criteria-view';

/** Observer counts of the two maps the view reads (Yjs keeps them on the type's event handlers). */
const observers = (doc: Y.Doc) => {
  const handlers = (t: unknown, key: '_eH' | '_dEH') => (t as Record<typeof key, { l: unknown[] }>)[key].l.length;
  return handlers(criteriaMap(doc), '_dEH') + handlers(doc.getMap('selections'), '_eH');
};
const control = () => buildSessionDocs({ sessionId: 's', templateId: 'world-cafe-ngo', language: 'en', now: 1 }).control;

describe('criteria view (client/src/sync/criteria-view.ts)', () => {
  it('its listeners live exactly as long as its owner', () => {
    const doc = control();
    const before = observers(doc);
    const dispose = createRoot((dispose) => {
      createCriteriaView(doc);
      return dispose;
    });
    expect(observers(doc)).toBe(before + 2);
    dispose();
    expect(observers(doc)).toBe(before);
  });

  it('reads criteria and the old selections reactively: a reader re-runs when a criterion changes', () => {
    const doc = control();
    setSelection(doc, 'ideal', 'ngos', ['old']);
    const seen: [number, boolean, boolean][] = [];
    const dispose = createRoot((dispose) => {
      const view = createCriteriaView(doc);
      createEffect(() => seen.push([view.count('ideal', 'government'), view.isSelected('ideal', 'government', 'n2'), view.isSelected('ideal', 'ngos', 'old')]));
      return dispose;
    });
    const id = addCriterion(doc, { phaseId: 'ideal', topicId: 'government', text: 'Trust and openness', noteIds: ['n1', 'n2'] });
    removeCriterion(doc, 'ideal', id);
    // A write elsewhere in the control document (a title) does not re-run the reader.
    doc.getMap('meta').set('title', 'x');
    dispose();
    expect(seen).toEqual([
      [0, false, true],
      [1, true, true],
      [0, false, true],
    ]);
  });
});
