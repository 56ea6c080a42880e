import * as Y from 'yjs';
import { CONTROL_RECORD_CHECKS, checkControlValue } from './control-checks';
import { cleanText } from './records/common';
import { MAX_CRITERION_NOTES, MAX_CRITERION_TEXT } from './records/criterion';
import { MAX_QUESTION } from './records/phase';
import { MAX_TABLE_NAME } from './records/table';
import { MAX_LABEL } from './records/topic';
import { RUN_SHEET_KEY } from './run-sheet';
import { RECORD_ID_RE } from './rooms';

/**
 * Brings a control document that holds records the server's checks refuse (control-checks.ts:
 * an export or an IndexedDB written by an older version, a hand-edited file) back to what the
 * server accepts, so a session made from it can register and sync. A record is repaired when a
 * reader would have read it the same way anyway (an over-long wording cut to its limit, a field
 * of the wrong type removed so it reads as its default); what cannot be repaired is removed.
 * Every change is reported, so the person importing can be told what did not come across.
 */
export type ControlRepair = {
  /** `root/key`, e.g. `phases/ideal` or `state/timer`. */
  readonly path: string;
  readonly action: 'repaired' | 'dropped';
  /** Why the record was refused, as the server would say it. */
  readonly problem: string;
};

/** Text fields a record may carry, with their limits: cut to the limit rather than dropped. */
const TEXT_LIMITS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  phases: { title: MAX_LABEL, question: MAX_QUESTION, corner: MAX_LABEL },
  topics: { label: MAX_LABEL },
  tables: { name: MAX_TABLE_NAME },
  criteria: { text: MAX_CRITERION_TEXT },
};

/** Fields a reader defaults when absent: one of the wrong form is removed, the record kept. */
const OPTIONAL_FIELDS: Readonly<Record<string, readonly string[]>> = {
  phases: ['title', 'question', 'kind', 'corner', 'locked', 'order', 'v'],
  topics: ['label', 'order', 'v'],
  tables: ['name', 'order', 'v'],
  criteria: ['removed', 'order', 'v'],
  [RUN_SHEET_KEY]: ['order', 'v'],
};

// `state` holds single values (the timer, the run cursor, ...): a malformed one is removed and
// reads as its default (no timer, the run at its start).
const CHECKED_ROOTS: readonly string[] = [...Object.keys(CONTROL_RECORD_CHECKS), 'state'];

const valueOf = (value: unknown): unknown => (value instanceof Y.AbstractType ? value.toJSON() : value);

/**
 * Repairs `doc`'s checked records in one transaction under `origin` (nothing is written when all
 * are well formed) and returns what it changed, in document order.
 */
export function repairControlDoc(doc: Y.Doc, origin: unknown = 'migration'): ControlRepair[] {
  const repairs: ControlRepair[] = [];
  doc.transact(() => {
    for (const root of CHECKED_ROOTS) {
      const map = doc.getMap<unknown>(root);
      for (const key of [...map.keys()]) {
        const problem = checkControlValue(root, key, valueOf(map.get(key)));
        if (problem === null) continue;
        const path = `${root}/${key.slice(0, 80)}`;
        if (repairRecord(root, key, map.get(key))) repairs.push({ path, action: 'repaired', problem });
        else {
          map.delete(key);
          repairs.push({ path, action: 'dropped', problem });
        }
      }
    }
  }, origin);
  return repairs;
}

/**
 * Mends one record in place when cutting its texts and removing its malformed optional fields
 * makes it well formed. Returns whether it did; a record it cannot mend is left for the caller
 * to remove (so a half-mended record is never kept).
 */
function repairRecord(root: string, key: string, record: unknown): boolean {
  if (!(record instanceof Y.Map) || !RECORD_ID_RE.test(key) || !CONTROL_RECORD_CHECKS[root]) return false;
  const fields = { ...(record.toJSON() as Record<string, unknown>) };
  for (const [field, max] of Object.entries(TEXT_LIMITS[root] ?? {})) {
    if (typeof fields[field] === 'string') fields[field] = cleanText(fields[field] as string, max);
  }
  if (root === 'criteria' && Array.isArray(fields.noteIds)) {
    fields.noteIds = fields.noteIds.filter((id) => typeof id === 'string' && RECORD_ID_RE.test(id)).slice(0, MAX_CRITERION_NOTES);
  }
  const optional = OPTIONAL_FIELDS[root] ?? [];
  const required = Object.fromEntries(Object.entries(fields).filter(([field]) => !optional.includes(field)));
  // Every check judges each optional field on its own, so one is malformed exactly when the
  // record's required part with that field alone is.
  for (const field of optional) {
    if (fields[field] !== undefined && checkControlValue(root, key, { ...required, [field]: fields[field] }) !== null) delete fields[field];
  }
  if (checkControlValue(root, key, fields) !== null) return false;
  const before = record.toJSON() as Record<string, unknown>;
  for (const field of Object.keys(before)) if (!(field in fields)) record.delete(field);
  for (const [field, value] of Object.entries(fields)) if (!sameJson(before[field], value)) record.set(field, value);
  return true;
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
