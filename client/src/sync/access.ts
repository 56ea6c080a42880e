import type * as Y from 'yjs';
import { createSignal, type Accessor } from 'solid-js';
import { readControlFacts, type ControlFacts } from '@wcb/shared';

/**
 * Why this person cannot write on the current phase, most fundamental first:
 * 'newer'        a document was saved by a newer app version;
 * 'unauthorized' the token was refused (rotated, or never valid);
 * 'viewer'       a view-only link;
 * 'locked'       the facilitator locked the phase (for everyone, the facilitator included);
 * 'denied'       the server refused a write although this device thought it allowed.
 */
export type ReadOnlyReason = 'newer' | 'unauthorized' | 'viewer' | 'locked' | 'denied';

const sameFacts = (a: ControlFacts, b: ControlFacts): boolean =>
  a.votingPhase === b.votingPhase && a.lockedPhases.size === b.lockedPhases.size && [...a.lockedPhases].every((id) => b.lockedPhases.has(id));

/**
 * The facts of the control document that decide access (roles.ts), re-read after each of its
 * transactions. The signal changes only when the facts do, so typing a title re-runs nothing.
 */
export function makeControlFacts(doc: Y.Doc): { facts: Accessor<ControlFacts>; dispose(): void } {
  const [facts, setFacts] = createSignal(readControlFacts(doc), { equals: sameFacts });
  const onUpdate = () => setFacts(readControlFacts(doc));
  doc.on('update', onUpdate);
  return { facts, dispose: () => doc.off('update', onUpdate) };
}
