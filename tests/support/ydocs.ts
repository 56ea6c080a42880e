import * as Y from 'yjs';

/** Exchanges state-vector diffs until every doc has everything (a full y-protocols sync, by hand). */
export function syncAll(docs: readonly Y.Doc[]): void {
  for (const a of docs) {
    for (const b of docs) {
      if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), 'connection');
    }
  }
}

/** A doc that starts from another doc's state, as a second peer that has synced once. */
export function replica(source: Y.Doc): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(source), 'connection');
  return doc;
}
