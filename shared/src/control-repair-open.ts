import type * as Y from 'yjs';
import { repairControlDoc, type ControlRepair } from './control-repair';
import { schemaStatus } from './schema';

/**
 * Repairs a device's own control document when a session opens, before it syncs: a copy in
 * IndexedDB written by an older version (or edited offline) may hold records the server's checks
 * refuse, and the server would close the room on the first sync (1007 `invalid-record`) and keep
 * every later setup change from reaching anyone. The rules are import's (control-repair.ts), in
 * one transaction under `origin`. Nothing is written when every record is well formed, and
 * nothing at all in a document a newer version wrote: its records may be ones this version's
 * checks do not know yet, and it reads them tolerantly anyway.
 *
 * Idempotent, and two devices that repair the same record offline converge: each repair sets a
 * field to a value that depends only on that record's content (a cut text, a filtered list) or
 * deletes the entry, so concurrent repairs merge into the same well-formed record.
 */
export function repairOpenedControl(doc: Y.Doc, origin: unknown): ControlRepair[] {
  const status = schemaStatus(doc, 'control');
  if (status === 'empty' || status === 'newer') return [];
  return repairControlDoc(doc, origin);
}
