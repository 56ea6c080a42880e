import * as Y from 'yjs';

/** A record is a flat Y.Map: one field per key, so concurrent edits of different fields all survive. */
export type RecordMap = Y.Map<unknown>;

export type Migration = {
  /** Stable, human-readable id, e.g. 'note/002-add-round'. Never renamed once shipped. */
  readonly id: string;
  /** The record version this migration produces. */
  readonly version: number;
  /**
   * Must be idempotent and deterministic: two offline peers may run it on the same record and
   * their writes merge; identical writes keep the record consistent whichever one wins.
   */
  readonly up: (record: RecordMap) => void;
};

export const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);
export const num = (v: unknown, fallback = 0): number =>
  typeof v === 'number' && Number.isFinite(v) ? v : fallback;

/**
 * Clamp free text from people and peers: bounded length, no NUL or other C0 controls but \n and \t,
 * and no lone surrogate halves (they cannot be encoded as UTF-8 and corrupt exports).
 */
export function cleanText(text: string, maxLength: number): string {
  let out = text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  if (out.length > maxLength) {
    out = out.slice(0, maxLength);
    // Cutting at the limit may leave half of a pair behind.
    if (/[\uD800-\uDBFF]$/.test(out)) out = out.slice(0, -1);
  }
  return out;
}

/** Runs the migrations a record has not seen yet, in version order. Returns whether it changed. */
export function migrateRecord(record: RecordMap, migrations: readonly Migration[]): boolean {
  const from = num(record.get('v'), 0);
  let changed = false;
  for (const m of migrations) {
    if (m.version > from) {
      m.up(record);
      record.set('v', m.version);
      changed = true;
    }
  }
  return changed;
}

export const latestVersion = (migrations: readonly Migration[]): number =>
  migrations.reduce((v, m) => Math.max(v, m.version), 0);

/** Sort key for records ordered by a fractional `order` field, ties broken by id so all peers agree. */
export const byOrder = <T extends { order: number; id: string }>(a: T, b: T): number =>
  a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A fractional position between two neighbours (either may be missing). */
export function orderBetween(before: number | undefined, after: number | undefined): number {
  if (before === undefined && after === undefined) return 1;
  if (before === undefined) return (after as number) - 1;
  if (after === undefined) return before + 1;
  return (before + after) / 2;
}
