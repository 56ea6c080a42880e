import * as Y from 'yjs';
import { controlMaps } from '../control';
import { initPhaseDoc, phaseMaps } from '../notes';
import { LocalOrigin } from '../origins';
import { cleanText, latestVersion } from '../records/common';
import { makeNoteRecord, MAX_NOTE_TEXT } from '../records/note';
import { MAX_QUESTION, phaseMigrations } from '../records/phase';
import { MAX_LABEL, topicMigrations } from '../records/topic';
import { RECORD_ID_RE } from '../rooms';
import { SCHEMA_VERSION } from '../schema-version';
import { criteriaMap, makeCriterionRecord, MAX_CRITERIA_PER_TOPIC } from '../criteria';
import { cleanCriterionText } from '../records/criterion';
import type { SessionDocs } from '../session';
import { isLanguage } from '../templates/types';
import { importProblem, needArray, needRecord, needString } from './import-error';

/**
 * Imports the seed-003 results shape (../shared/fixtures/seed-003-results.json): topics as columns,
 * phases with `selected`, `material`, `continued` (an overflow row, read as more material of its
 * column) and `steps`, each a map topic id -> list of texts. Validation runs over the whole file
 * before anything is built, so a broken file creates nothing.
 */

type Seed003 = {
  language: 'uk' | 'ru' | 'en';
  title: string;
  intro: string;
  topics: { id: string; label: string }[];
  phases: {
    id: string;
    title: string;
    question: string;
    selectedLabel?: string;
    materialLabel?: string;
    lists: Record<'selected' | 'material' | 'continued' | 'steps', Record<string, string[]>>;
  }[];
};

const LISTS = ['selected', 'material', 'continued', 'steps'] as const;

// Imported notes sit two to a row in their cell, like the board places new notes.
const NOTE_STEP_X = 216;
const NOTE_STEP_Y = 166;
const CELL_PAD = 16;

function needId(v: unknown, where: string): string {
  const id = needString(v, where);
  if (!RECORD_ID_RE.test(id)) throw importProblem('seed.badId', where, { id: id.slice(0, 40) });
  return id;
}

export function parseSeed003(json: unknown): Seed003 {
  const root = needRecord(json, 'file');
  const language = root.language ?? 'uk';
  if (!isLanguage(language)) throw importProblem('seed.language', 'language', { found: String(language) });
  const topics = needArray(root.topics, 'topics').map((t, i) => {
    const r = needRecord(t, `topics[${i}]`);
    return { id: needId(r.id, `topics[${i}].id`), label: needString(r.label, `topics[${i}].label`) };
  });
  if (!topics.length) throw importProblem('seed.noTopics', 'topics');
  const topicIds = new Set(topics.map((t) => t.id));
  if (topicIds.size !== topics.length) throw importProblem('seed.repeatedId', 'topics');
  const phases = needArray(root.phases, 'phases').map((p, i) => {
    const at = `phases[${i}]`;
    const r = needRecord(p, at);
    const lists = {} as Seed003['phases'][number]['lists'];
    for (const list of LISTS) {
      lists[list] = {};
      if (r[list] === undefined) continue;
      const byTopic = needRecord(r[list], `${at}.${list}`);
      for (const [topic, texts] of Object.entries(byTopic)) {
        if (!topicIds.has(topic)) throw importProblem('seed.unknownTopic', `${at}.${list}.${topic}`);
        lists[list][topic] = needArray(texts, `${at}.${list}.${topic}`).map((text, j) =>
          needString(text, `${at}.${list}.${topic}[${j}]`),
        );
      }
    }
    return {
      id: needId(r.id, `${at}.id`),
      title: needString(r.title, `${at}.title`),
      question: r.question === undefined ? '' : needString(r.question, `${at}.question`, { allowEmpty: true }),
      selectedLabel: r.selectedLabel === undefined ? undefined : needString(r.selectedLabel, `${at}.selectedLabel`),
      materialLabel: r.materialLabel === undefined ? undefined : needString(r.materialLabel, `${at}.materialLabel`),
      lists,
    };
  });
  if (!phases.length) throw importProblem('seed.noPhases', 'phases');
  if (new Set(phases.map((p) => p.id)).size !== phases.length) throw importProblem('seed.repeatedId', 'phases');
  return {
    language,
    title: needString(root.title, 'title'),
    intro: root.intro === undefined ? '' : needString(root.intro, 'intro', { allowEmpty: true }),
    topics,
    phases,
  };
}

const origin = new LocalOrigin('import.seed003');

/** Builds a whole session from a seed-003 results file. Note ids are derived, so an import is repeatable. */
export function importSeed003(json: unknown, opts: { sessionId: string; now?: number }): SessionDocs {
  const seed = parseSeed003(json);
  const now = opts.now ?? Date.now();
  const control = new Y.Doc();
  const { meta, topics, phases, state } = controlMaps(control);
  const phaseDocs: SessionDocs['phases'] = [];
  const labels = seed.phases.find((p) => p.selectedLabel || p.materialLabel);
  control.transact(() => {
    meta.set('schemaVersion', SCHEMA_VERSION);
    meta.set('id', opts.sessionId);
    meta.set('title', cleanText(seed.title, MAX_LABEL));
    meta.set('intro', cleanText(seed.intro, MAX_QUESTION * 4));
    meta.set('language', seed.language);
    meta.set('template', 'import');
    meta.set('createdAt', now);
    meta.set('selectedLabel', cleanText(labels?.selectedLabel ?? '', MAX_LABEL));
    meta.set('materialLabel', cleanText(labels?.materialLabel ?? '', MAX_LABEL));
    seed.topics.forEach((t, i) => {
      const record = new Y.Map<unknown>();
      record.set('v', latestVersion(topicMigrations));
      record.set('label', cleanText(t.label, MAX_LABEL));
      record.set('order', i + 1);
      topics.set(t.id, record);
    });
    seed.phases.forEach((p, i) => {
      const record = new Y.Map<unknown>();
      record.set('v', latestVersion(phaseMigrations));
      record.set('title', cleanText(p.title, MAX_LABEL));
      record.set('question', cleanText(p.question, MAX_QUESTION));
      record.set('kind', Object.keys(p.lists.steps).length ? 'steps' : 'ideas');
      record.set('order', i + 1);
      phases.set(p.id, record);
    });
    state.set('currentPhase', seed.phases[0]!.id);
  }, origin);

  seed.phases.forEach((p, pi) => {
    const doc = new Y.Doc();
    initPhaseDoc(doc, opts.sessionId, p.id);
    const steps = Object.keys(p.lists.steps).length > 0;
    const notes = phaseMaps(doc).notes;
    doc.transact(() => {
      seed.topics.forEach((topic, ti) => {
        const rest = steps ? (p.lists.steps[topic.id] ?? []) : [...(p.lists.material[topic.id] ?? []), ...(p.lists.continued[topic.id] ?? [])];
        rest.forEach((text, i) => {
          const id = `imp-p${pi}-t${ti}-n${i}`;
          const pos = { x: CELL_PAD + (i % 2) * NOTE_STEP_X, y: CELL_PAD + Math.floor(i / 2) * NOTE_STEP_Y };
          // createdAt follows the file's order, so anything sorted by age reads like the document.
          notes.set(id, makeNoteRecord({ topic: topic.id, text: cleanText(text, MAX_NOTE_TEXT), order: i + 1, ...pos }, now + i));
        });
        // The seed's criteria are the groups' own wording, not notes: which notes each was distilled
        // from is not in the file, so they come as wording alone and every note stays material.
        const criteria = (p.lists.selected[topic.id] ?? []).map(cleanCriterionText).filter(Boolean).slice(0, MAX_CRITERIA_PER_TOPIC);
        control.transact(() => {
          criteria.forEach((text, i) => {
            criteriaMap(control).set(`imp-p${pi}-t${ti}-c${i}`, makeCriterionRecord({ phaseId: p.id, topicId: topic.id, text, noteIds: [], order: i + 1 }));
          });
        }, origin);
      });
    }, origin);
    phaseDocs.push({ phaseId: p.id, doc });
  });
  return { control, phases: phaseDocs };
}
