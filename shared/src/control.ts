import * as Y from 'yjs';
import { LocalOrigin, type SystemOrigin } from './origins';
import { byOrder, cleanText, num, orderBetween, str, type RecordMap } from './records/common';
import { MAX_QUESTION, PHASE_KINDS, readPhase, type Phase, type PhaseKind } from './records/phase';
import { phaseMigrations } from './records/phase';
import { MAX_LABEL, readTopic, topicMigrations, type Topic } from './records/topic';
import { MAX_TABLE_NAME, readTable, tableMigrations, type Table } from './records/table';
import { latestVersion } from './records/common';
import { findTemplate, isLanguage, type Language } from './templates';
import { recordId } from './ids';
import { SCHEMA_VERSION } from './schema-version';
import { dropPhasePrompts, promptsMap, readPrompts, stampForm } from './forms';
import type { Prompt } from './records/prompt';
import { stampRunSheet } from './run-sheet';

/**
 * The control room's document: everything about a session except its notes.
 * Layout: meta (Y.Map of fields), topics / phases / tables (Y.Map id -> record Y.Map), state (Y.Map).
 * Records are keyed maps with a fractional `order`, not Y.Arrays: a concurrent reorder then moves a
 * record instead of duplicating it.
 */
export type SessionMeta = {
  schemaVersion: number;
  id: string;
  title: string;
  intro: string;
  language: Language;
  template: string;
  createdAt: number;
  selectedLabel: string;
  materialLabel: string;
};

export type ControlState = { currentPhase: string };

export type SessionSnapshot = {
  meta: SessionMeta;
  topics: Topic[];
  phases: Phase[];
  tables: Table[];
  /** The forms of matrix, checklist and survey phases (forms.ts). */
  prompts: Prompt[];
  state: ControlState;
};

export const controlMaps = (doc: Y.Doc) => ({
  meta: doc.getMap<unknown>('meta'),
  topics: doc.getMap<RecordMap>('topics'),
  phases: doc.getMap<RecordMap>('phases'),
  tables: doc.getMap<RecordMap>('tables'),
  prompts: promptsMap(doc),
  state: doc.getMap<unknown>('state'),
});

const local = (action: string) => new LocalOrigin(action);

function newRecord(fields: Record<string, unknown>, version: number): RecordMap {
  const record: RecordMap = new Y.Map();
  record.set('v', version);
  for (const [k, v] of Object.entries(fields)) record.set(k, v);
  return record;
}

export type ApplyTemplateOptions = {
  sessionId: string;
  templateId: string;
  language: Language;
  title?: string;
  now?: number;
};

/**
 * Stamps a template into an empty control document. Record ids come from the template, so applying
 * the same template on two peers converges to one set of topics and phases.
 */
export function applyTemplate(doc: Y.Doc, opts: ApplyTemplateOptions, origin: SystemOrigin = 'template'): void {
  const template = findTemplate(opts.templateId);
  if (!template) throw new Error(`Unknown template "${opts.templateId}"`);
  if (!isLanguage(opts.language)) throw new Error(`Unknown language "${String(opts.language)}"`);
  const content = template.content[opts.language];
  const { meta, topics, phases, tables, prompts, state } = controlMaps(doc);
  doc.transact(() => {
    meta.set('schemaVersion', SCHEMA_VERSION);
    meta.set('id', opts.sessionId);
    meta.set('title', cleanText(opts.title?.trim() || content.title, MAX_LABEL));
    meta.set('intro', content.intro);
    meta.set('language', opts.language);
    meta.set('template', template.id);
    meta.set('createdAt', opts.now ?? Date.now());
    meta.set('selectedLabel', content.selectedLabel);
    meta.set('materialLabel', content.materialLabel);
    const tv = latestVersion(topicMigrations);
    content.topics.forEach((t, i) => topics.set(t.id, newRecord({ label: t.label, order: i + 1 }, tv)));
    const pv = latestVersion(phaseMigrations);
    content.phases.forEach((p, i) => {
      const corner = p.form?.corner ? { corner: p.form.corner } : {};
      phases.set(p.id, newRecord({ title: p.title, question: p.question, kind: p.kind, order: i + 1, ...corner }, pv));
      if (p.form) stampForm(prompts, p.id, p.form);
    });
    const bv = latestVersion(tableMigrations);
    content.tables.forEach((name, i) => tables.set(`t${i + 1}`, newRecord({ name, order: i + 1 }, bv)));
    const first = content.phases[0];
    if (first) state.set('currentPhase', first.id);
    if (template.runSheet) stampRunSheet(doc, template.runSheet);
  }, origin);
}

function readMeta(meta: Y.Map<unknown>): SessionMeta {
  const language = meta.get('language');
  return {
    schemaVersion: num(meta.get('schemaVersion')),
    id: str(meta.get('id')),
    title: cleanText(str(meta.get('title')), MAX_LABEL),
    intro: cleanText(str(meta.get('intro')), MAX_QUESTION * 4),
    language: isLanguage(language) ? language : 'en',
    template: str(meta.get('template')),
    createdAt: num(meta.get('createdAt')),
    selectedLabel: cleanText(str(meta.get('selectedLabel')), MAX_LABEL),
    materialLabel: cleanText(str(meta.get('materialLabel')), MAX_LABEL),
  };
}

const readAll = <T extends { id: string; order: number }>(
  map: Y.Map<RecordMap>,
  read: (id: string, r: RecordMap) => T,
): T[] => {
  const out: T[] = [];
  map.forEach((record, id) => {
    if (record instanceof Y.Map) out.push(read(id, record));
  });
  return out.sort(byOrder);
};

export function readSession(doc: Y.Doc): SessionSnapshot {
  const { meta, topics, phases, tables, state } = controlMaps(doc);
  const phaseList = readAll(phases, readPhase);
  const current = str(state.get('currentPhase'));
  return {
    meta: readMeta(meta),
    topics: readAll(topics, readTopic),
    phases: phaseList,
    tables: readAll(tables, readTable),
    prompts: readPrompts(doc),
    state: { currentPhase: phaseList.some((p) => p.id === current) ? current : (phaseList[0]?.id ?? '') },
  };
}

export function setSessionTitle(doc: Y.Doc, title: string): void {
  doc.transact(() => controlMaps(doc).meta.set('title', cleanText(title, MAX_LABEL)), local('session.title'));
}

export function setCurrentPhase(doc: Y.Doc, phaseId: string): void {
  const { phases, state } = controlMaps(doc);
  if (!phases.has(phaseId)) throw new Error(`No phase "${phaseId}"`);
  doc.transact(() => state.set('currentPhase', phaseId), local('phase.current'));
}

/**
 * Locks or unlocks a phase: the server then refuses every write to its room, the facilitator's
 * included (roles.ts `roomAccess` reads this very field).
 */
export function setPhaseLocked(doc: Y.Doc, phaseId: string, locked: boolean): void {
  const record = controlMaps(doc).phases.get(phaseId);
  if (!(record instanceof Y.Map)) throw new Error(`No phase "${phaseId}"`);
  doc.transact(() => record.set('locked', locked), local('phase.lock'));
}

/** Appends a record after the last one of its kind and returns its id. */
function appendRecord(doc: Y.Doc, map: Y.Map<RecordMap>, fields: Record<string, unknown>, version: number, action: string) {
  const id = recordId();
  const last = readAll(map, (rid, r) => ({ id: rid, order: num(r.get('order')) })).at(-1);
  doc.transact(() => map.set(id, newRecord({ ...fields, order: orderBetween(last?.order, undefined) }, version)), local(action));
  return id;
}

function updateRecord(doc: Y.Doc, map: Y.Map<RecordMap>, id: string, fields: Record<string, unknown>, action: string) {
  const record = map.get(id);
  if (!(record instanceof Y.Map)) throw new Error(`No record "${id}"`);
  doc.transact(() => {
    for (const [k, v] of Object.entries(fields)) if (v !== undefined) record.set(k, v);
  }, local(action));
}

/** Moves a record so that it sits right before `beforeId` (or last when beforeId is null). */
function reorderRecord(doc: Y.Doc, map: Y.Map<RecordMap>, id: string, beforeId: string | null, action: string) {
  const list = readAll(map, (rid, r) => ({ id: rid, order: num(r.get('order')) })).filter((r) => r.id !== id);
  const index = beforeId === null ? list.length : list.findIndex((r) => r.id === beforeId);
  if (index < 0) throw new Error(`No record "${beforeId}"`);
  const order = orderBetween(list[index - 1]?.order, list[index]?.order);
  updateRecord(doc, map, id, { order }, action);
}

export const addTopic = (doc: Y.Doc, label: string): string =>
  appendRecord(doc, controlMaps(doc).topics, { label: cleanText(label, MAX_LABEL) }, latestVersion(topicMigrations), 'topic.add');
export const renameTopic = (doc: Y.Doc, id: string, label: string): void =>
  updateRecord(doc, controlMaps(doc).topics, id, { label: cleanText(label, MAX_LABEL) }, 'topic.rename');
export const reorderTopic = (doc: Y.Doc, id: string, beforeId: string | null): void =>
  reorderRecord(doc, controlMaps(doc).topics, id, beforeId, 'topic.reorder');

/** Deletes a record if it is still there (another facilitator may have removed it first). */
function removeRecord(doc: Y.Doc, map: Y.Map<RecordMap>, id: string, action: string): void {
  if (!map.has(id)) return;
  doc.transact(() => map.delete(id), local(action));
}

/**
 * Removes a topic. Notes written under it stay in their phase rooms and are drawn in the
 * cross-cutting row (a note's topic that no longer exists reads as cross-cutting).
 */
export const removeTopic = (doc: Y.Doc, id: string): void => removeRecord(doc, controlMaps(doc).topics, id, 'topic.remove');

export type PhaseInput = { title: string; question?: string; kind?: PhaseKind; corner?: string };
/** The fields given, cleaned; the others left out (a new record reads them as their defaults). */
function phaseFields(p: Partial<PhaseInput>): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  if (p.title !== undefined) fields.title = cleanText(p.title, MAX_LABEL);
  if (p.question !== undefined) fields.question = cleanText(p.question, MAX_QUESTION);
  if (p.kind !== undefined) fields.kind = PHASE_KINDS.includes(p.kind) ? p.kind : 'ideas';
  if (p.corner !== undefined) fields.corner = cleanText(p.corner, MAX_LABEL);
  return fields;
}
export const addPhase = (doc: Y.Doc, input: PhaseInput): string =>
  appendRecord(
    doc,
    controlMaps(doc).phases,
    phaseFields({ question: '', kind: 'ideas', ...input }),
    latestVersion(phaseMigrations),
    'phase.add',
  );
export const updatePhase = (doc: Y.Doc, id: string, input: Partial<PhaseInput>): void =>
  updateRecord(doc, controlMaps(doc).phases, id, phaseFields(input), 'phase.update');
/**
 * Removes a phase and its form. Its room keeps its notes (nothing a participant wrote is deleted);
 * the phase simply stops being shown. The current phase moves to the first one left.
 */
export function removePhase(doc: Y.Doc, id: string): void {
  const { phases, prompts, state } = controlMaps(doc);
  if (!phases.has(id)) return;
  doc.transact(() => {
    phases.delete(id);
    dropPhasePrompts(prompts, id);
    if (state.get('currentPhase') === id) {
      const next = readAll(phases, readPhase)[0];
      if (next) state.set('currentPhase', next.id);
      else state.delete('currentPhase');
    }
  }, local('phase.remove'));
}

/**
 * The session's language: the results document's headings follow it when they still read as the
 * template wrote them in the old language (a facilitator's own wording is kept).
 */
export function setSessionLanguage(doc: Y.Doc, language: Language): void {
  if (!isLanguage(language)) throw new Error(`Unknown language "${String(language)}"`);
  const { meta } = controlMaps(doc);
  const before = readMeta(meta);
  const template = findTemplate(before.template);
  doc.transact(() => {
    meta.set('language', language);
    if (!template) return;
    const from = template.content[before.language];
    const to = template.content[language];
    if (before.selectedLabel === from.selectedLabel) meta.set('selectedLabel', to.selectedLabel);
    if (before.materialLabel === from.materialLabel) meta.set('materialLabel', to.materialLabel);
  }, local('session.language'));
}

export const reorderPhase = (doc: Y.Doc, id: string, beforeId: string | null): void =>
  reorderRecord(doc, controlMaps(doc).phases, id, beforeId, 'phase.reorder');

export const addTable = (doc: Y.Doc, name: string): string =>
  appendRecord(doc, controlMaps(doc).tables, { name: cleanText(name, MAX_TABLE_NAME) }, latestVersion(tableMigrations), 'table.add');
export const renameTable = (doc: Y.Doc, id: string, name: string): void =>
  updateRecord(doc, controlMaps(doc).tables, id, { name: cleanText(name, MAX_TABLE_NAME) }, 'table.rename');
/** Removes a table; anyone seated there reads as seated at no table until they pick another. */
export const removeTable = (doc: Y.Doc, id: string): void => removeRecord(doc, controlMaps(doc).tables, id, 'table.remove');
