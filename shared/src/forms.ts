import * as Y from 'yjs';
import { LocalOrigin } from './origins';
import { byOrder, cleanText, latestVersion, orderBetween, type RecordMap } from './records/common';
import { ANSWER_KINDS, cleanOptions, MAX_OPTION, promptMigrations, readPrompt, type AnswerKind, type Prompt, type PromptRole } from './records/prompt';
import { MAX_LABEL } from './records/topic';
import type { TemplateForm } from './templates/types';
import { recordId } from './ids';

/**
 * The structure of matrix, checklist and survey phases: prompts in the control document's
 * `prompts` map (id -> record), facilitator-written like the rest of the control state.
 */
export const promptsMap = (doc: Y.Doc) => doc.getMap<RecordMap>('prompts');

const MAX_PROMPT_LABEL = MAX_LABEL * 2;
const local = (action: string) => new LocalOrigin(action);

function promptRecord(fields: Omit<Prompt, 'id'>): RecordMap {
  const record: RecordMap = new Y.Map();
  record.set('v', latestVersion(promptMigrations));
  for (const [k, v] of Object.entries(fields)) record.set(k, v);
  return record;
}

const base = { parent: '', answer: 'text' as AnswerKind, options: [] as string[], followUp: '' };

/**
 * Writes a template phase's form as prompts. Ids are `<phaseId>.<localId>`, stable across peers,
 * so a session built from a template twice merges into one form. Call inside a transaction.
 */
export function stampForm(map: Y.Map<RecordMap>, phaseId: string, form: TemplateForm): void {
  const id = (local: string) => `${phaseId}.${local}`;
  const put = (localId: string, fields: Partial<Prompt> & { role: PromptRole; label: string; order: number }) =>
    map.set(id(localId), promptRecord({ ...base, phaseId, ...fields }));
  form.rows?.forEach((r, i) => put(r.id, { role: 'row', label: r.label, order: i + 1 }));
  form.columns?.forEach((c, i) => put(c.id, { role: 'column', label: c.label, order: i + 1 }));
  form.sections?.forEach((s, i) => {
    put(s.id, { role: 'section', label: s.title, order: i + 1 });
    s.items?.forEach((it, j) => put(it.id, { role: 'item', label: it.label, order: j + 1, parent: id(s.id) }));
    s.questions?.forEach((q, j) =>
      put(q.id, {
        role: 'question',
        label: q.label,
        order: j + 1,
        parent: id(s.id),
        answer: q.answer,
        options: [...(q.options ?? [])],
        followUp: q.followUp ?? '',
      }),
    );
  });
}

export function readPrompts(doc: Y.Doc): Prompt[] {
  const out: Prompt[] = [];
  promptsMap(doc).forEach((record, id) => {
    if (record instanceof Y.Map) out.push(readPrompt(id, record));
  });
  return out.sort(byOrder);
}

/** A section (or null for prompts outside any section) with its items or questions, in order. */
export type FormSection = { section: Prompt | null; children: Prompt[] };

/** One phase's form, as a view draws it. Every list is in order; orphans of a removed section are kept. */
export type Form = { rows: Prompt[]; columns: Prompt[]; sections: FormSection[] };

export function formOf(prompts: readonly Prompt[], phaseId: string): Form {
  const mine = prompts.filter((p) => p.phaseId === phaseId).sort(byOrder);
  const sectionList = mine.filter((p) => p.role === 'section');
  const sectionIds = new Set(sectionList.map((s) => s.id));
  const children = mine.filter((p) => p.role === 'item' || p.role === 'question');
  const loose = children.filter((c) => !sectionIds.has(c.parent));
  const sections: FormSection[] = [
    ...(loose.length ? [{ section: null, children: loose }] : []),
    ...sectionList.map((s) => ({ section: s, children: children.filter((c) => c.parent === s.id) })),
  ];
  return { rows: mine.filter((p) => p.role === 'row'), columns: mine.filter((p) => p.role === 'column'), sections };
}

export type PromptInput = {
  role: PromptRole;
  label: string;
  parent?: string;
  answer?: AnswerKind;
  options?: readonly string[];
  followUp?: string;
};

const cleanFields = (p: Partial<PromptInput>) => ({
  label: p.label === undefined ? undefined : cleanText(p.label, MAX_PROMPT_LABEL),
  answer: p.answer === undefined ? undefined : ANSWER_KINDS.includes(p.answer) ? p.answer : 'text',
  options: p.options === undefined ? undefined : cleanOptions([...p.options]),
  followUp: p.followUp === undefined ? undefined : cleanText(p.followUp, MAX_LABEL),
});

const siblings = (doc: Y.Doc, phaseId: string, role: PromptRole, parent: string) =>
  readPrompts(doc).filter((p) => p.phaseId === phaseId && p.role === role && p.parent === parent);

/** Appends a prompt after its last sibling and returns its id. */
export function addPrompt(doc: Y.Doc, phaseId: string, input: PromptInput): string {
  const id = recordId();
  const parent = input.parent ?? '';
  const last = siblings(doc, phaseId, input.role, parent).at(-1);
  const fields = cleanFields(input);
  doc.transact(() => {
    promptsMap(doc).set(
      id,
      promptRecord({
        ...base,
        phaseId,
        role: input.role,
        parent,
        order: orderBetween(last?.order, undefined),
        label: fields.label ?? '',
        answer: fields.answer ?? 'text',
        options: fields.options ?? [],
        followUp: fields.followUp ?? '',
      }),
    );
  }, local('prompt.add'));
  return id;
}

export function updatePrompt(doc: Y.Doc, id: string, patch: Partial<Omit<PromptInput, 'role' | 'parent'>>): void {
  const record = promptsMap(doc).get(id);
  if (!(record instanceof Y.Map)) throw new Error(`No prompt "${id}"`);
  doc.transact(() => {
    for (const [k, v] of Object.entries(cleanFields(patch))) if (v !== undefined) record.set(k, v);
  }, local('prompt.update'));
}

/** Removes a prompt; a section takes its items or questions with it. Answers stay in the phase room. */
export function removePrompt(doc: Y.Doc, id: string): void {
  const map = promptsMap(doc);
  if (!map.has(id)) return;
  doc.transact(() => {
    map.delete(id);
    map.forEach((record, childId) => {
      if (record instanceof Y.Map && record.get('parent') === id) map.delete(childId);
    });
  }, local('prompt.remove'));
}

/** Moves a prompt among its siblings to sit right before `beforeId` (last when null). */
export function reorderPrompt(doc: Y.Doc, id: string, beforeId: string | null): void {
  const record = promptsMap(doc).get(id);
  if (!(record instanceof Y.Map)) throw new Error(`No prompt "${id}"`);
  const me = readPrompt(id, record);
  const list = siblings(doc, me.phaseId, me.role, me.parent).filter((p) => p.id !== id);
  const index = beforeId === null ? list.length : list.findIndex((p) => p.id === beforeId);
  if (index < 0) throw new Error(`No sibling prompt "${beforeId}"`);
  const order = orderBetween(list[index - 1]?.order, list[index]?.order);
  doc.transact(() => record.set('order', order), local('prompt.reorder'));
}

/** Deletes every prompt of a phase (the phase itself is being removed). Call inside a transaction. */
export function dropPhasePrompts(map: Y.Map<RecordMap>, phaseId: string): void {
  map.forEach((record, id) => {
    if (record instanceof Y.Map && record.get('phaseId') === phaseId) map.delete(id);
  });
}

export { MAX_OPTION };
