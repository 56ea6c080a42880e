/**
 * The control room's second gate (PROTOCOL.md, "Control records"): after an update passed the
 * update rules (update-guard.ts: structure), the records it changes must still be well formed
 * (checkControlValue in @wcb/shared, the write-side twin of every reader). Readers drop or clamp
 * a malformed value, so without this a facilitator's connection could store a run step every
 * board skips, a 100 KB criterion, a timer that ends in a million years.
 *
 * The update is tried on a scratch copy of the doc first: Yjs cannot take an update back, and
 * control updates are rare (facilitator actions), so a copy per update is cheap enough.
 */
import * as Y from 'yjs';
import { CONTROL_RECORD_CHECKS, checkControlValue } from '@wcb/shared';
import { InvalidRecord } from './update-rules';

/** A shared type as a transaction names the changed ones. */
type SharedType = Y.Transaction['changed'] extends Map<infer K, unknown> ? K : never;
type Entry = { readonly root: string; readonly key: string };

const CHECKED_ROOTS: readonly string[] = [...Object.keys(CONTROL_RECORD_CHECKS), 'state'];

/**
 * Throws InvalidRecord when applying `update` to `doc` would leave a checked record malformed.
 * Changes nothing in `doc`. A record that was malformed before (stored by an older version and
 * tolerated by its readers) may still be written, e.g. by a migration that fills it in: a write
 * may not make a well-formed or absent record malformed.
 */
export function checkControlUpdate(doc: Y.Doc, update: Uint8Array): void {
  const scratch = new Y.Doc();
  // Defined before anything integrates: changed types are then found in doc.share as themselves.
  for (const root of CHECKED_ROOTS) scratch.getMap(root);
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc));
  const changed = new Map<string, Entry>();
  scratch.on('afterTransaction', (tr: Y.Transaction) => {
    for (const [type, keys] of tr.changed) for (const entry of entriesOf(scratch, type, keys)) changed.set(`${entry.root}/${entry.key}`, entry);
  });
  try {
    Y.applyUpdate(scratch, update);
    for (const { root, key } of changed.values()) {
      const problem = checkControlValue(root, key, valueOf(scratch, root, key));
      if (problem !== null && checkControlValue(root, key, valueOf(doc, root, key)) === null) throw new InvalidRecord(problem);
    }
  } finally {
    scratch.destroy();
  }
}

/** The checked root-map entries a change of `type` (at `keys`) touches: the record it lives in. */
function entriesOf(doc: Y.Doc, type: SharedType, keys: Set<string | null>): Entry[] {
  if (type._item === null) {
    const root = rootName(doc, type);
    return root === null ? [] : [...keys].flatMap((key) => (key === null ? [] : [{ root, key }]));
  }
  // A record's field (or a text inside one): climb to the item that sits directly in a root map.
  let item: Y.Item = type._item;
  for (;;) {
    const parent = item.parent as SharedType;
    if (parent._item === null) {
      const root = rootName(doc, parent);
      return root === null || item.parentSub === null ? [] : [{ root, key: item.parentSub }];
    }
    item = parent._item;
  }
}

function rootName(doc: Y.Doc, type: SharedType): string | null {
  for (const [name, root] of doc.share) if (root === type) return CHECKED_ROOTS.includes(name) ? name : null;
  return null;
}

/** The entry as plain data: a record's map as its fields, a value as it is; undefined when absent. */
function valueOf(doc: Y.Doc, root: string, key: string): unknown {
  const value = doc.getMap<unknown>(root).get(key);
  return value instanceof Y.AbstractType ? value.toJSON() : value;
}
