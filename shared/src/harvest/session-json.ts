import * as Y from 'yjs';
import { CONTROL_RECORD_CHECKS } from '../control-checks';
import { LocalOrigin } from '../origins';
import { RECORD_ID_RE } from '../rooms';
import { SCHEMA_VERSION } from '../schema-version';
import { importProblem, isRecord, needRecord } from './import-error';
import { CELL_TEXT_PREFIX, cellTextKeys } from '../answers';

/**
 * The lossless JSON of a session: every document's top-level maps, records as plain objects, Y.Text
 * fields as strings. Importing it rebuilds the same documents under a new session id, so
 * export → import → export gives the same JSON but for the id.
 */
export const SESSION_JSON_FORMAT = 'world-cafe-board/session';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Dump = Record<string, Record<string, Json>>;

export type SessionJson = {
  format: typeof SESSION_JSON_FORMAT;
  version: 1;
  schemaVersion: number;
  sessionId: string;
  control: Dump;
  phases: Record<string, Dump>;
  votes: Record<string, Dump>;
};

/** Which top-level maps each kind of document has, and which hold records (Y.Maps) vs plain values. */
const LAYOUT = {
  control: { plain: ['meta', 'state', 'selections', 'voteBudgets'], records: ['topics', 'phases', 'tables', 'prompts', 'runSheet', 'criteria'] },
  phase: { plain: ['meta', 'cells', 'checks', 'responses'], records: ['notes'] },
  votes: { plain: ['dots'], records: [] as string[] },
} as const;
type Kind = keyof typeof LAYOUT;

/** Record fields that are collaborative text in the model (a Y.Text, merged per character). */
const TEXT_FIELDS: Readonly<Record<string, readonly string[]>> = { notes: ['text'] };
/** Phase documents also hold one root Y.Text per filled matrix cell (answers.ts); dumped under this name. */
const CELL_TEXTS = 'cellTexts';

// A bound on what one import may create, so a hostile file cannot exhaust the server.
const MAX_RECORDS = 50_000;

const toJson = (v: unknown): Json => {
  if (v instanceof Y.Text) return v.toString();
  if (v instanceof Y.Map) return Object.fromEntries([...v.entries()].map(([k, x]) => [k, toJson(x)]));
  if (v instanceof Y.Array) return v.toArray().map(toJson);
  if (v instanceof Uint8Array) return [...v];
  return (v ?? null) as Json;
};

function dumpDoc(doc: Y.Doc, kind: Kind): Dump {
  const out: Dump = {};
  for (const name of [...LAYOUT[kind].plain, ...LAYOUT[kind].records]) {
    const map = doc.getMap<unknown>(name);
    // Sorted keys: two exports of the same documents are byte-identical.
    out[name] = Object.fromEntries([...map.keys()].sort().map((k) => [k, toJson(map.get(k))]));
  }
  if (kind === 'phase') {
    out[CELL_TEXTS] = Object.fromEntries(cellTextKeys(doc).sort().map((k) => [k, doc.getText(CELL_TEXT_PREFIX + k).toString()]));
  }
  return out;
}

export function exportSessionJson(source: {
  sessionId: string;
  control: Y.Doc;
  phaseDocs: ReadonlyMap<string, Y.Doc>;
  voteDocs: ReadonlyMap<string, Y.Doc>;
}): SessionJson {
  const sorted = (m: ReadonlyMap<string, Y.Doc>, kind: Kind) =>
    Object.fromEntries([...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, doc]) => [id, dumpDoc(doc, kind)]));
  return {
    format: SESSION_JSON_FORMAT,
    version: 1,
    schemaVersion: SCHEMA_VERSION,
    sessionId: source.sessionId,
    control: dumpDoc(source.control, 'control'),
    phases: sorted(source.phaseDocs, 'phase'),
    votes: sorted(source.voteDocs, 'votes'),
  };
}

function checkJson(v: unknown, where: string, depth = 0): Json {
  if (depth > 8) throw importProblem('json.tooDeep', where);
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw importProblem('json.notFinite', where);
    return v;
  }
  if (Array.isArray(v)) return v.map((x, i) => checkJson(x, `${where}[${i}]`, depth + 1));
  if (isRecord(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, checkJson(x, `${where}.${k}`, depth + 1)]));
  throw importProblem('json.notData', where, { type: typeof v });
}

type Checked = { kind: Kind; maps: Record<string, Record<string, Json>> };

/** Validates a whole document dump before anything is built, so a broken file creates nothing. */
function checkDump(v: unknown, kind: Kind, where: string, count: { n: number }): Checked {
  const dump = needRecord(v, where);
  const known = new Set<string>([...LAYOUT[kind].plain, ...LAYOUT[kind].records, ...(kind === 'phase' ? [CELL_TEXTS] : [])]);
  for (const name of Object.keys(dump)) if (!known.has(name)) throw importProblem('json.unknownPart', `${where}.${name}`);
  const maps: Record<string, Record<string, Json>> = {};
  for (const name of known) {
    const entries = dump[name] === undefined ? {} : needRecord(dump[name], `${where}.${name}`);
    const isRecords = (LAYOUT[kind].records as readonly string[]).includes(name);
    maps[name] = {};
    for (const [key, value] of Object.entries(entries)) {
      const at = `${where}.${name}.${key}`;
      if (++count.n > MAX_RECORDS) throw importProblem('json.tooManyEntries', where, { max: MAX_RECORDS });
      if (name === CELL_TEXTS && typeof value !== 'string') throw importProblem('json.mustBeText', at);
      // A control record that is no record (an older version's data) is kept as it is, for the
      // import's repair to leave out and report (control-repair.ts); anywhere else it is an error.
      if (kind === 'control' && isRecords && !isRecord(value) && name in CONTROL_RECORD_CHECKS) {
        maps[name][key] = checkJson(value, at);
        continue;
      }
      if (isRecords) {
        const record = needRecord(value, at);
        for (const field of TEXT_FIELDS[name] ?? []) {
          if (record[field] !== undefined && typeof record[field] !== 'string') throw importProblem('json.mustBeText', `${at}.${field}`);
        }
      }
      maps[name][key] = checkJson(value, at);
    }
  }
  return { kind, maps };
}

function buildDoc(checked: Checked, rewrite: (name: string, key: string, value: Json) => Json): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const [name, entries] of Object.entries(checked.maps)) {
      if (name === CELL_TEXTS) {
        for (const [key, text] of Object.entries(entries)) doc.getText(CELL_TEXT_PREFIX + key).insert(0, text as string);
        continue;
      }
      const map = doc.getMap<unknown>(name);
      const isRecords = (LAYOUT[checked.kind].records as readonly string[]).includes(name);
      for (const [key, raw] of Object.entries(entries)) {
        const value = rewrite(name, key, raw);
        if (!isRecords || !isRecord(value)) {
          map.set(key, value);
          continue;
        }
        const record = new Y.Map<unknown>();
        for (const [field, x] of Object.entries(value as Record<string, Json>)) {
          record.set(field, (TEXT_FIELDS[name] ?? []).includes(field) ? new Y.Text(x as string) : x);
        }
        map.set(key, record);
      }
    }
  }, new LocalOrigin('import.json'));
  return doc;
}

export type ImportedSession = { control: Y.Doc; phases: { phaseId: string; doc: Y.Doc }[]; votes: { phaseId: string; doc: Y.Doc }[] };

/** Rebuilds a session from its JSON under `sessionId`. Throws ImportError naming the field at fault. */
export function importSessionJson(json: unknown, sessionId: string): ImportedSession {
  const root = needRecord(json, 'file');
  if (root.format !== SESSION_JSON_FORMAT) throw importProblem('json.wrongFormat', 'format', { format: SESSION_JSON_FORMAT });
  if (root.version !== 1) throw importProblem('json.unsupportedVersion', 'version', { version: String(JSON.stringify(root.version)) });
  if (typeof root.schemaVersion === 'number' && root.schemaVersion > SCHEMA_VERSION) {
    throw importProblem('json.newerSchema', 'schemaVersion', { found: root.schemaVersion, supported: SCHEMA_VERSION });
  }
  const count = { n: 0 };
  const control = checkDump(root.control, 'control', 'control', count);
  const group = (v: unknown, kind: Kind, where: string) =>
    Object.entries(v === undefined ? {} : needRecord(v, where)).map(([phaseId, dump]) => {
      if (!RECORD_ID_RE.test(phaseId)) throw importProblem('json.badPhaseId', `${where}.${phaseId}`);
      return { phaseId, checked: checkDump(dump, kind, `${where}.${phaseId}`, count) };
    });
  const phases = group(root.phases, 'phase', 'phases');
  const votes = group(root.votes, 'votes', 'votes');
  const withSession = (idKey: string) => (name: string, key: string, value: Json) => (name === 'meta' && key === idKey ? sessionId : value);
  return {
    control: buildDoc(control, withSession('id')),
    phases: phases.map((p) => ({ phaseId: p.phaseId, doc: buildDoc(p.checked, withSession('sessionId')) })),
    votes: votes.map((p) => ({ phaseId: p.phaseId, doc: buildDoc(p.checked, (_name, _key, value) => value) })),
  };
}
