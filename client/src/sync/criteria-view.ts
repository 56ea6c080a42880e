import type * as Y from 'yjs';
import { createSignal, onCleanup } from 'solid-js';
import { criteriaMap, readCriteria, type Criterion } from '@wcb/shared';

/**
 * The selected criteria of every phase (control document: map 'criteria', and the old map
 * 'selections' it still reads), as reactive reads. One per session, owned by it: the observers are
 * removed when the owner is disposed. Every note and cell header asks, so a phase is read once per
 * change of those two maps, not once per note, and other control writes (a timer tick) do not
 * invalidate it.
 */
export type CriteriaView = {
  /** Per topic, the criteria of `phaseId` in the facilitator's order. */
  of(phaseId: string): ReadonlyMap<string, readonly Criterion[]>;
  /** Whether note `noteId` went into a criterion of its topic. */
  isSelected(phaseId: string, topicId: string, noteId: string): boolean;
  /** How many criteria a topic has. */
  count(phaseId: string, topicId: string): number;
};

export function createCriteriaView(doc: Y.Doc): CriteriaView {
  const [version, bump] = createSignal(0);
  const onChange = () => bump((v) => v + 1);
  const criteria = criteriaMap(doc);
  const selections = doc.getMap<unknown>('selections');
  criteria.observeDeep(onChange);
  selections.observe(onChange);
  onCleanup(() => {
    criteria.unobserveDeep(onChange);
    selections.unobserve(onChange);
  });

  let cached = { version: -1, byPhase: new Map<string, { criteria: Map<string, Criterion[]>; notes: Map<string, Set<string>> }>() };
  const read = (phaseId: string) => {
    const v = version();
    if (cached.version !== v) cached = { version: v, byPhase: new Map() };
    let phase = cached.byPhase.get(phaseId);
    if (!phase) {
      const byTopic = readCriteria(doc, phaseId);
      const notes = new Map([...byTopic].map(([topic, list]) => [topic, new Set(list.flatMap((c) => c.noteIds))]));
      cached.byPhase.set(phaseId, (phase = { criteria: byTopic, notes }));
    }
    return phase;
  };
  return {
    of: (phaseId) => read(phaseId).criteria,
    isSelected: (phaseId, topicId, noteId) => read(phaseId).notes.get(topicId)?.has(noteId) ?? false,
    count: (phaseId, topicId) => read(phaseId).criteria.get(topicId)?.length ?? 0,
  };
}

