import type * as Y from 'yjs';

/**
 * The records a transaction changed, as `<root map>/<key>`: a note's text typed into is
 * `notes/<noteId>`, a dot `dots/<dotId>`, the timer `state/timer`. A root text (a matrix cell's)
 * is its own name. The badge counts these, not Yjs updates: typing a word is many updates and
 * one note.
 */
export function changedRecords(tr: Y.Transaction): string[] {
  const names = new Map<unknown, string>();
  tr.doc.share.forEach((type, name) => names.set(type, name));
  const out = new Set<string>();
  tr.changed.forEach((keys, type) => {
    const record = recordOf(type, names);
    if (record) return void out.add(record);
    const root = names.get(type) ?? '?';
    for (const key of keys) out.add(key === null ? root : `${root}/${key}`);
  });
  return [...out];
}

/** For a nested type, the key of its ancestor right under a root map; null for a root type. */
function recordOf(type: Y.Transaction['changed'] extends Map<infer T, unknown> ? T : never, names: ReadonlyMap<unknown, string>): string | null {
  let item = type._item;
  if (!item) return null;
  for (;;) {
    const parent = item.parent as typeof type | null;
    if (!parent || !parent._item) {
      const root = parent ? (names.get(parent) ?? '?') : '?';
      return item.parentSub === null ? root : `${root}/${item.parentSub}`;
    }
    item = parent._item;
  }
}
