import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  addPhase,
  addPrompt,
  buildSessionDocs,
  controlMaps,
  findTemplate,
  formOf,
  LANGUAGES,
  LocalOrigin,
  migrateDoc,
  promptsMap,
  readPrompts,
  readSession,
  removePhase,
  removePrompt,
  reorderPrompt,
  schemaStatus,
  setCurrentPhase,
  setSessionLanguage,
  TEMPLATES,
  updatePrompt,
  type Form,
  type Language,
  type Template,
} from '@wcb/shared';
import { replica, syncAll } from '../support/ydocs';

const seedPath = fileURLToPath(new URL('../../../shared/seeds/000_742ba57fe3b1ace3.txt', import.meta.url));
/** The seed's lines with whitespace runs (tabs, double spaces) collapsed, empty lines dropped. */
const seed = readFileSync(seedPath, 'utf8')
  .split(/\r?\n/)
  .map((l) => l.replace(/\s+/g, ' ').trim())
  .filter(Boolean);
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Lines strictly between the first `start` at or after `from` and the next `end`. */
function between(start: string, end: string, from = 0): string[] {
  const i = seed.indexOf(start, from);
  const j = seed.indexOf(end, i + 1);
  if (i < 0 || j < 0) throw new Error(`seed has no "${start}" … "${end}"`);
  return seed.slice(i + 1, j);
}
const bullet = (l: string) => l.startsWith('· ');
const unbullet = (l: string) => l.slice(2).trim();

const SEED_TEMPLATES = ['benefits-matrix', 'partnership-cycle', 'seminar-evaluation'] as const;

function stamped(templateId: string, language: Language = 'ru'): { form: Form; session: ReturnType<typeof readSession> } {
  const { control } = buildSessionDocs({ sessionId: 'session-0001', templateId, language, now: 1 });
  const session = readSession(control);
  return { session, form: formOf(session.prompts, session.phases[0]!.id) };
}

describe('seed 000 templates', () => {
  it('the benefits matrix stamps the seed’s ten benefits as rows and the four Barnaul partners as columns', () => {
    // The seed's table: a "Выгоды" header, four partner columns, then the ten benefits.
    const table = between('Выгоды', 'Цикл партнерства');
    const seedColumns = table.slice(0, 4).map((c) => (c === 'Общ. орг-я' ? 'Общественная организация' : c));
    const seedRows = table.slice(4);
    const { form, session } = stamped('benefits-matrix');
    expect(session.phases.map((p) => p.kind)).toEqual(['matrix']);
    expect(session.topics).toHaveLength(1);
    expect(session.tables).toHaveLength(3);
    expect(form.rows.map((r) => r.label)).toEqual(seedRows);
    expect(form.columns.map((c) => c.label)).toEqual(seedColumns);
    expect(form.rows).toHaveLength(10);
    expect(form.columns).toHaveLength(4);
    expect(form.sections).toEqual([]);
    // The case story, so every table knows what the partners did.
    const story = between('Городской марафон «Не бросай!» в г. Барнауле', 'Выгоды');
    expect(story.length).toBeGreaterThan(2);
    for (const paragraph of story) expect(squash(session.meta.intro)).toContain(paragraph);
  });

  it('the partnership cycle stamps the seven stages with the seed’s steps, word for word', () => {
    const lines = between('Цикл партнерства', 'Оценочная анкета семинара');
    const stages: { title: string; items: string[] }[] = [];
    for (const line of lines) {
      const heading = /^\d\. (.+)$/.exec(line);
      if (heading) stages.push({ title: heading[1]!, items: [] });
      else if (bullet(line)) stages.at(-1)!.items.push(unbullet(line));
      else stages.at(-1)!.title += ` ${line}`; // "(ПОСТРОЕНИЕ ПАРТНЕРСТВА)" continues stage 4's title
    }
    expect(stages.map((s) => s.items.length)).toEqual([7, 6, 7, 7, 7, 5, 3]);
    const { form, session } = stamped('partnership-cycle');
    expect(session.phases.map((p) => p.kind)).toEqual(['checklist']);
    expect(form.sections.map((s) => s.section?.label)).toEqual(stages.map((s) => s.title));
    expect(form.sections.map((s) => s.children.map((c) => c.label))).toEqual(stages.map((s) => s.items));
    expect(form.sections.flatMap((s) => s.children.map((c) => c.role))).toEqual(Array(42).fill('item'));
  });

  it('the seminar evaluation stamps the questionnaire: percent scales, yes/no with a follow-up, choices and open questions', () => {
    const lines = between('Оценочная анкета семинара', 'Большое спасибо за ответы!');
    const sections: { title: string; questions: string[] }[] = [];
    for (const line of lines) {
      const heading = /^\d\. (.+)$/.exec(line);
      if (heading) sections.push({ title: heading[1]!.replace(/:$/, ''), questions: [] });
      else if (bullet(line)) sections.at(-1)!.questions.push(unbullet(line).replace(/ На _+ %$/, ''));
    }
    // Sections 6 and 7 are single questions on paper: the heading is the question, word for word.
    const single = lines.filter((l) => /^[67]\. /.test(l)).map((l) => l.slice(3));
    expect(single).toHaveLength(2);
    const { form, session } = stamped('seminar-evaluation');
    expect(session.phases.map((p) => p.kind)).toEqual(['survey']);
    expect(form.sections).toHaveLength(7);
    expect(form.sections.slice(0, 5).map((s) => s.section?.label)).toEqual(sections.slice(0, 5).map((s) => s.title));
    const questions = form.sections.flatMap((s) => s.children);
    const seedQuestions = [...sections.slice(0, 5).flatMap((s) => s.questions), ...single];
    expect(questions.map((q) => q.label)).toEqual(seedQuestions);
    expect(form.sections.slice(5).map((s) => s.children.length)).toEqual([1, 1]);
    expect(questions.map((q) => q.answer)).toEqual([
      'percent', 'percent', 'percent',
      'yesno', 'yesno',
      'text',
      'choice', 'choice', 'text',
      'text', 'text',
      'text',
      'text',
    ]);
    const yesno = questions.filter((q) => q.answer === 'yesno');
    expect(yesno.map((q) => q.followUp)).toEqual(['Как?', 'С кем?']);
    expect(seed).toEqual(expect.arrayContaining(['Как?', 'С кем?']));
    for (const q of questions.filter((q) => q.answer === 'choice')) {
      expect(q.options).toEqual(['недостаточно', 'достаточно', 'избыточно']);
    }
    expect(questions.filter((q) => q.answer !== 'yesno').every((q) => q.followUp === '')).toBe(true);
  });

  it('the home page lists the templates in order: World Café, the three seminar forms, blank', () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual(['world-cafe-ngo', 'benefits-matrix', 'partnership-cycle', 'seminar-evaluation', 'blank']);
  });

  it('each seminar template has the same ids and structure in Ukrainian, Russian and English, and every text is filled in', () => {
    const shape = (t: Template, lang: Language) => {
      const c = t.content[lang];
      return {
        topics: c.topics.map((x) => x.id),
        tables: c.tables.length,
        phases: c.phases.map((p) => ({
          id: p.id,
          kind: p.kind,
          rows: p.form?.rows?.map((r) => r.id),
          columns: p.form?.columns?.map((r) => r.id),
          sections: p.form?.sections?.map((s) => ({
            id: s.id,
            items: s.items?.map((i) => i.id),
            questions: s.questions?.map((q) => [q.id, q.answer, q.options?.length ?? 0, Boolean(q.followUp)]),
          })),
        })),
      };
    };
    const texts = (t: Template, lang: Language): string[] => {
      const c = t.content[lang];
      return [
        t.name[lang],
        t.description[lang],
        c.title,
        c.intro,
        c.selectedLabel,
        c.materialLabel,
        ...c.topics.map((x) => x.label),
        ...c.tables,
        ...c.phases.flatMap((p) => [
          p.title,
          p.question,
          ...(p.form?.rows ?? []).map((r) => r.label),
          ...(p.form?.columns ?? []).map((r) => r.label),
          ...(p.form?.sections ?? []).flatMap((s) => [
            s.title,
            ...(s.items ?? []).map((i) => i.label),
            ...(s.questions ?? []).flatMap((q) => [q.label, ...(q.options ?? [])]),
          ]),
        ]),
      ];
    };
    for (const id of SEED_TEMPLATES) {
      const t = findTemplate(id)!;
      expect(t.id).toMatch(/^[a-z0-9-]+$/);
      for (const lang of LANGUAGES) {
        expect(shape(t, lang), `${id} ${lang}`).toEqual(shape(t, 'ru'));
        for (const text of texts(t, lang)) expect(text.trim(), `${id} ${lang}`).not.toBe('');
      }
      // Prompt ids become `<phase>.<id>` and cell keys `<row>|<column>`: they must stay plain.
      const ids = shape(t, 'ru').phases.flatMap((p) => [
        p.id,
        ...(p.rows ?? []),
        ...(p.columns ?? []),
        ...(p.sections ?? []).flatMap((s) => [s.id, ...(s.items ?? []), ...(s.questions ?? []).map((q) => q[0] as string)]),
      ]);
      for (const x of ids) expect(x).toMatch(/^[a-z0-9-]+$/);
      expect(new Set(ids).size).toBe(ids.length);
      // The headings are what the results document prints: different per language, never the defaults.
      expect(new Set(LANGUAGES.map((l) => t.content[l].selectedLabel)).size).toBe(3);
    }
  });

  it('the template texts fit the model’s limits, so stamping keeps them whole', () => {
    for (const id of SEED_TEMPLATES) {
      for (const lang of LANGUAGES) {
        const { session } = stamped(id, lang);
        const c = findTemplate(id)!.content[lang];
        expect(session.meta.intro).toBe(c.intro);
        expect(session.phases.map((p) => [p.title, p.question])).toEqual(c.phases.map((p) => [p.title, p.question]));
        const labels = session.prompts.map((p) => p.label).sort();
        const form = c.phases[0]!.form!;
        const expected = [
          ...(form.rows ?? []).map((r) => r.label),
          ...(form.columns ?? []).map((r) => r.label),
          ...(form.sections ?? []).flatMap((s) => [s.title, ...(s.items ?? []).map((i) => i.label), ...(s.questions ?? []).map((q) => q.label)]),
        ].sort();
        expect(labels).toEqual(expected);
      }
    }
  });

  it('building the same template on two docs and merging gives one form, not two', () => {
    for (const id of SEED_TEMPLATES) {
      const a = buildSessionDocs({ sessionId: 'session-0001', templateId: id, language: 'uk', now: 1 });
      const b = buildSessionDocs({ sessionId: 'session-0001', templateId: id, language: 'uk', now: 1 });
      const single = readSession(a.control).prompts.length;
      syncAll([a.control, b.control]);
      const merged = readSession(a.control);
      expect(merged.prompts.length).toBe(single);
      expect(new Set(merged.prompts.map((p) => p.label)).size).toBe(single);
      expect(merged).toEqual(readSession(b.control));
      // Another peer adding a prompt afterwards adds exactly one.
      addPrompt(b.control, merged.phases[0]!.id, { role: merged.prompts[0]!.role, label: 'Extra' });
      syncAll([a.control, b.control]);
      expect(readSession(a.control).prompts.length).toBe(single + 1);
    }
  });
});

/** A blank session with one survey phase to edit. */
function surveySession() {
  const { control: doc } = buildSessionDocs({ sessionId: 'session-0001', templateId: 'blank', language: 'en', now: 1 });
  const phaseId = addPhase(doc, { title: 'Feedback', kind: 'survey' });
  return { doc, phaseId };
}
const outline = (doc: Y.Doc, phaseId: string) =>
  formOf(readPrompts(doc), phaseId).sections.map((s) => [s.section?.label ?? null, s.children.map((c) => c.label)]);

describe('editing a form', () => {
  it('addPrompt appends after the last sibling and reorderPrompt moves a prompt among its own siblings', () => {
    const { doc, phaseId } = surveySession();
    const actions: string[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.origin instanceof LocalOrigin) actions.push(tr.origin.action);
    });
    const one = addPrompt(doc, phaseId, { role: 'section', label: 'One' });
    const two = addPrompt(doc, phaseId, { role: 'section', label: 'Two' });
    const a = addPrompt(doc, phaseId, { role: 'question', label: 'A', parent: one, answer: 'percent' });
    const b = addPrompt(doc, phaseId, { role: 'question', label: 'B', parent: one, answer: 'yesno', followUp: 'How?' });
    const c = addPrompt(doc, phaseId, { role: 'question', label: 'C', parent: two, answer: 'choice', options: ['x', 'y'] });
    expect(outline(doc, phaseId)).toEqual([['One', ['A', 'B']], ['Two', ['C']]]);
    reorderPrompt(doc, b, a);
    reorderPrompt(doc, two, one);
    expect(outline(doc, phaseId)).toEqual([['Two', ['C']], ['One', ['B', 'A']]]);
    reorderPrompt(doc, b, null);
    expect(outline(doc, phaseId)).toEqual([['Two', ['C']], ['One', ['A', 'B']]]);
    // C lives in another section: it is not a sibling to sit before.
    expect(() => reorderPrompt(doc, a, c)).toThrow(/No sibling/);
    expect(() => reorderPrompt(doc, 'nope', null)).toThrow(/No prompt/);
    const byId = Object.fromEntries(readPrompts(doc).map((p) => [p.id, p]));
    expect(byId[b]).toMatchObject({ answer: 'yesno', followUp: 'How?', parent: one, phaseId });
    expect(byId[c]).toMatchObject({ answer: 'choice', options: ['x', 'y'] });
    expect(new Set(actions)).toEqual(new Set(['prompt.add', 'prompt.reorder']));
  });

  it('removePrompt of a section takes its questions with it and leaves the other sections alone', () => {
    const { doc, phaseId } = surveySession();
    const one = addPrompt(doc, phaseId, { role: 'section', label: 'One' });
    const two = addPrompt(doc, phaseId, { role: 'section', label: 'Two' });
    addPrompt(doc, phaseId, { role: 'question', label: 'A', parent: one });
    addPrompt(doc, phaseId, { role: 'question', label: 'B', parent: one });
    const c = addPrompt(doc, phaseId, { role: 'question', label: 'C', parent: two });
    const before = readPrompts(doc).length;
    removePrompt(doc, one);
    expect(outline(doc, phaseId)).toEqual([['Two', ['C']]]);
    expect(readPrompts(doc)).toHaveLength(before - 3);
    removePrompt(doc, c);
    expect(outline(doc, phaseId)).toEqual([['Two', []]]);
    let updates = 0;
    doc.on('update', () => updates++);
    removePrompt(doc, 'gone');
    expect(updates).toBe(0);
  });

  it('prompt texts are cleaned and an unknown answer kind reads as text', () => {
    const { doc, phaseId } = surveySession();
    const id = addPrompt(doc, phaseId, {
      role: 'question',
      label: `Bad\u0000 \uD800label ${'x'.repeat(1000)}`,
      answer: 'stars' as 'text',
      options: Array.from({ length: 20 }, (_, i) => `o${i}\u0007`),
      followUp: 'Why\u0000?',
    });
    const p = readPrompts(doc).find((x) => x.id === id)!;
    expect(p.label.startsWith('Bad \uFFFDlabel x')).toBe(true);
    expect(p.label.length).toBeLessThanOrEqual(400);
    expect(p).toMatchObject({ answer: 'text', followUp: 'Why?' });
    expect(p.options).toHaveLength(12);
    expect(p.options[0]).toBe('o0');
    updatePrompt(doc, id, { label: 'Fine', answer: 'percent' });
    expect(readPrompts(doc).find((x) => x.id === id)).toMatchObject({ label: 'Fine', answer: 'percent', followUp: 'Why?' });
    expect(() => updatePrompt(doc, 'nope', { label: 'x' })).toThrow(/No prompt/);
  });

  it('concurrent reorders on two peers converge to one order with every prompt once', () => {
    const { doc: a, phaseId } = surveySession();
    const section = addPrompt(a, phaseId, { role: 'section', label: 'S' });
    const ids = ['A', 'B', 'C', 'D'].map((label) => addPrompt(a, phaseId, { role: 'question', label, parent: section }));
    const b = replica(a);
    reorderPrompt(a, ids[3]!, ids[0]!); // D first
    reorderPrompt(b, ids[3]!, null); // D last (it already is: a no-op move)
    reorderPrompt(b, ids[0]!, null); // A last
    reorderPrompt(a, ids[2]!, ids[1]!); // C before B
    syncAll([a, b]);
    const seen = formOf(readPrompts(a), phaseId).sections.map((s) => s.children.map((c) => c.label));
    expect(outline(a, phaseId)).toEqual(outline(b, phaseId));
    expect(seen).toHaveLength(1);
    expect([...seen[0]!].sort()).toEqual(['A', 'B', 'C', 'D']);
  });

  it('a question added under a section another peer removed at the same time stays visible as a loose question', () => {
    const { doc: a, phaseId } = surveySession();
    const section = addPrompt(a, phaseId, { role: 'section', label: 'S' });
    addPrompt(a, phaseId, { role: 'question', label: 'Old', parent: section });
    const b = replica(a);
    removePrompt(a, section);
    addPrompt(b, phaseId, { role: 'question', label: 'New', parent: section });
    syncAll([a, b]);
    expect(outline(a, phaseId)).toEqual([[null, ['New']]]);
    expect(outline(b, phaseId)).toEqual(outline(a, phaseId));
  });
});

describe('phases and language of a session', () => {
  it('removePhase drops its form and moves the current phase to the first one left', () => {
    const { control: doc } = buildSessionDocs({ sessionId: 'session-0001', templateId: 'benefits-matrix', language: 'ru', now: 1 });
    const ideas = addPhase(doc, { title: 'Ideas' });
    const survey = addPhase(doc, { title: 'Survey', kind: 'survey' });
    addPrompt(doc, survey, { role: 'question', label: 'Q' });
    setCurrentPhase(doc, 'benefits');
    removePhase(doc, 'benefits');
    let s = readSession(doc);
    expect(s.phases.map((p) => p.id)).toEqual([ideas, survey]);
    expect(s.prompts.map((p) => p.phaseId)).toEqual([survey]);
    expect(s.state.currentPhase).toBe(ideas);
    expect(controlMaps(doc).state.get('currentPhase')).toBe(ideas);
    removePhase(doc, survey); // not the current one: the current phase stays
    s = readSession(doc);
    expect(s.state.currentPhase).toBe(ideas);
    expect(s.prompts).toEqual([]);
    removePhase(doc, 'no-such-phase');
    removePhase(doc, ideas);
    expect(readSession(doc).phases).toEqual([]);
    expect(controlMaps(doc).state.has('currentPhase')).toBe(false);
  });

  it('setSessionLanguage changes the language and the template’s headings but keeps a facilitator’s own heading', () => {
    const { control: doc } = buildSessionDocs({ sessionId: 'session-0001', templateId: 'seminar-evaluation', language: 'ru', now: 1 });
    const t = findTemplate('seminar-evaluation')!;
    setSessionLanguage(doc, 'en');
    expect(readSession(doc).meta).toMatchObject({ language: 'en', selectedLabel: 'RESULTS', materialLabel: 'Answers' });
    controlMaps(doc).meta.set('materialLabel', 'Наши ответы');
    setSessionLanguage(doc, 'uk');
    expect(readSession(doc).meta).toMatchObject({
      language: 'uk',
      selectedLabel: t.content.uk.selectedLabel,
      materialLabel: 'Наши ответы',
    });
    expect(() => setSessionLanguage(doc, 'de' as Language)).toThrow(/Unknown language/);
  });
});

describe('form migrations', () => {
  it('a prompt written without its fields gets them from migrateDoc, once', () => {
    const { control: doc } = buildSessionDocs({ sessionId: 'session-0001', templateId: 'partnership-cycle', language: 'uk', now: 1 });
    expect(schemaStatus(doc, 'control')).toBe('current');
    doc.transact(() => {
      const rec = new Y.Map<unknown>();
      rec.set('label', 'Written by an old client');
      rec.set('answer', 'stars');
      promptsMap(doc).set('old', rec);
    });
    expect(schemaStatus(doc, 'control')).toBe('outdated');
    expect(migrateDoc(doc, 'control')).toBe(true);
    expect(promptsMap(doc).get('old')!.toJSON()).toEqual({
      v: 1,
      label: 'Written by an old client',
      role: 'row',
      answer: 'text',
      phaseId: '',
      parent: '',
      followUp: '',
      options: [],
      order: 0,
    });
    expect(schemaStatus(doc, 'control')).toBe('current');
    // A prompt of no phase is not drawn in any form.
    expect(formOf(readSession(doc).prompts, 'cycle').sections.flatMap((s) => s.children)).toHaveLength(42);
    expect(migrateDoc(doc, 'control')).toBe(false);
  });
});
