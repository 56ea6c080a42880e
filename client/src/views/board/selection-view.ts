import type * as Y from 'yjs';
import { createSignal, type Accessor } from 'solid-js';
import { readSelection } from '@wcb/shared';

/**
 * The confirmed "selected criteria" of a phase (control document, map 'selections'), as a signal.
 * One version signal per control document, bumped on its updates: every note and cell header
 * reads through it, so a confirmation shows on every board at once.
 */
const versions = new WeakMap<Y.Doc, { read: Accessor<number> }>();

function versionOf(doc: Y.Doc): Accessor<number> {
  const known = versions.get(doc);
  if (known) return known.read;
  const [read, bump] = createSignal(0);
  // Lives as long as the document: the session's control room is never swapped.
  doc.on('update', () => bump((v) => v + 1));
  versions.set(doc, { read });
  return read;
}

// Read once per version of the document, not once per note: every note of a large board asks.
const cache = new WeakMap<Y.Doc, { version: number; byPhase: Map<string, ReadonlyMap<string, readonly string[]>> }>();

/** Per topic, the selected note ids of `phaseId`, in the facilitator's order. */
export function selectionOf(doc: Y.Doc, phaseId: string): ReadonlyMap<string, readonly string[]> {
  const version = versionOf(doc)();
  let known = cache.get(doc);
  if (known?.version !== version) cache.set(doc, (known = { version, byPhase: new Map() }));
  let selection = known.byPhase.get(phaseId);
  if (!selection) known.byPhase.set(phaseId, (selection = readSelection(doc, phaseId)));
  return selection;
}

/** The ids selected in one topic after an edit: `add` appends (once), `remove` takes out. */
export function editSelection(current: readonly string[], edit: { add?: string; remove?: string }): string[] {
  let out = current.filter((id) => id !== edit.remove);
  if (edit.add && !out.includes(edit.add)) out = [...out, edit.add];
  return out;
}
