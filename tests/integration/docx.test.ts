import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as Y from 'yjs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addNote, buildSessionDocs, castDot, closeVoting, formOf, openVoting, readSession, setAnswer, setCellText, setCellTicked, setChecked, setFollowUp, setSelection } from '@wcb/shared';
import { documentHeading, EVERYTHING, importSeed003, type Harvest, type HarvestItem } from '@wcb/shared/harvest';
import { renderDocx } from '@wcb/shared/render-docx';
import { harvestOf, SEED003_PATH, type SessionDocsLike } from '../support/harvest';
import { describeNeeding } from '../support/system-deps';
import { writePageOnePng } from '../support/page-pictures';
import { pdfText } from './helpers/pdftotext';

const run = promisify(execFile);
const FIXTURE = SEED003_PATH;

type Docs = SessionDocsLike;
const phaseDoc = (docs: Docs, id: string) => docs.phases.find((p) => p.phaseId === id)!.doc;

/** pdftotext splits table cells over lines (and may break after a hyphen): compare with no whitespace at all. */
const squash = (text: string) => text.replace(/\s+/g, '');

/*
 * The document's own structure, read from word/document.xml. Where text lands in LibreOffice's
 * rendering (which line, which page, the order pdftotext reads it in) depends on the fonts a
 * machine has, so what these tests assert about order and layout they assert here; the rendering
 * is checked for what a reader sees whatever the fonts: the text, all of it.
 */
const unescapeXml = (text: string) =>
  text.replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name]!);

/** The text of a piece of document.xml in document order: runs joined, a line per paragraph. */
const xmlText = (xml: string) =>
  xml
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1]!)).join(''))
    .join('\n')
    .replace(/\n+$/, '');

type Cell = { text: string; span: number; fill: string | null };

/** The tables nested in another table's cell (the vote charts), each as rows of cells. */
function nestedTables(xml: string): Cell[][][] {
  const tables: Cell[][][] = [];
  const open: { rows: Cell[][]; cellAt: number }[] = [];
  for (const m of xml.matchAll(/<(\/?)w:(tbl|tr|tc)(?=[\s>])[^>]*>/g)) {
    const [, close, name] = m;
    const table = open.at(-1);
    if (name === 'tbl' && !close) open.push({ rows: [], cellAt: 0 });
    else if (name === 'tbl') {
      const done = open.pop()!;
      if (open.length === 1) tables.push(done.rows);
    } else if (name === 'tr' && !close) table!.rows.push([]);
    else if (name === 'tc' && !close) table!.cellAt = m.index;
    else if (name === 'tc') {
      // The cell's width in grid columns, its shading, its text.
      const cell = xml.slice(table!.cellAt, m.index);
      table!.rows.at(-1)!.push({
        text: xmlText(cell),
        span: Number(/<w:gridSpan w:val="(\d+)"/.exec(cell)?.[1] ?? 1),
        fill: /<w:shd [^>]*w:fill="([0-9A-Fa-f]{6})"/.exec(cell)?.[1] ?? null,
      });
    }
  }
  return tables;
}

/** Texts that try to become markup, fields, formulas, or to reorder what follows them. */
const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '=HYPERLINK("http://evil.example","Click")',
  '+SUM(1,2)',
  '@cmd',
  '# not a heading',
  '| a | b |',
  '\u202Eevil override',
  'line one\nline two',
  'quotes " and \' and &amp;',
  ']]></w:t><w:t>injected',
];

function seedHarvest(fixture: unknown): Harvest {
  return harvestOf(importSeed003(fixture, { sessionId: 'seed003', now: 1_000 }));
}

/** Hostile notes on the first phase, put to a vote so the bar chart carries them too. */
function hostileHarvest(): Harvest {
  const docs = buildSessionDocs({ sessionId: 'h', templateId: 'world-cafe-ngo', language: 'en', title: 'Title <b>&amp;</b>', now: 1 });
  const ideal = phaseDoc(docs, 'ideal');
  const ids = HOSTILE.map((text, i) => addNote(ideal, { topic: 'government', text, x: 16, y: 16 + i * 200 }, 10 + i, `h${i}`));
  openVoting(docs.control, { phaseId: 'ideal', budget: 3, per: 'participant', hideCounts: false });
  const votes = new Y.Doc();
  castDot(votes, 'olya', ids[0]!, 3);
  castDot(votes, 'olya', ids[0]!, 3);
  castDot(votes, 'petro', ids[2]!, 3);
  closeVoting(docs.control);
  setSelection(docs.control, 'ideal', 'government', [ids[0]!]);
  const harvest = harvestOf(docs, new Map([['ideal', votes]]));
  // Straight into the harvest, past the model's own cleaning: characters XML cannot hold at all.
  return { ...harvest, intro: 'bell\u0007 and nul\u0000 and lone \uD800 half stay out' };
}

type Structured = { harvest: Harvest; rows: string[]; cellText: string; surveyLines: string[]; checklistLines: string[] };

/** A matrix with a ticked, explained cell, an evaluation survey with two respondents, a checklist with one check. */
function structuredHarvest(): Structured {
  const matrix = buildSessionDocs({ sessionId: 'm', templateId: 'benefits-matrix', language: 'en', now: 1 });
  const form = formOf(readSession(matrix.control).prompts, 'benefits');
  const benefits = phaseDoc(matrix, 'benefits');
  setCellTicked(benefits, form.rows[0]!.id, form.columns[1]!.id, true, 'olya');
  const cellText = 'Grants from the committee & the city';
  setCellText(benefits, form.rows[0]!.id, form.columns[1]!.id, cellText);
  const matrixHarvest = harvestOf(matrix);

  const survey = buildSessionDocs({ sessionId: 's', templateId: 'seminar-evaluation', language: 'en', now: 1 });
  const questions = formOf(readSession(survey.control).prompts, 'evaluation').sections.flatMap((s) => s.children);
  const byKind = (kind: string) => questions.find((q) => q.answer === kind)!;
  const evaluation = phaseDoc(survey, 'evaluation');
  setAnswer(evaluation, 'r1', byKind('percent').id, 80, 5);
  setAnswer(evaluation, 'r2', byKind('percent').id, 60, 6);
  setAnswer(evaluation, 'r1', byKind('yesno').id, 'yes', 7);
  setFollowUp(evaluation, 'r1', byKind('yesno').id, 'I now see partners everywhere', 8);
  setAnswer(evaluation, 'r2', byKind('text').id, 'More time for the case study', 9);
  const surveyHarvest = harvestOf(survey);

  const cycle = buildSessionDocs({ sessionId: 'c', templateId: 'partnership-cycle', language: 'en', now: 1 });
  const stage = formOf(readSession(cycle.control).prompts, 'cycle').sections[0]!;
  setChecked(phaseDoc(cycle, 'cycle'), stage.children[0]!.id, true, 'olya', 5);
  const cycleHarvest = harvestOf(cycle);

  const phases = [...matrixHarvest.phases, ...surveyHarvest.phases, ...cycleHarvest.phases].map((p, i) => ({ ...p, number: i + 1 }));
  const harvest: Harvest = { ...matrixHarvest, phases };
  return {
    checklistLines: [
      `1. ${stage.section!.label}1/${stage.children.length} done`,
      `${stage.children[0]!.label}☑`,
      `${stage.children[1]!.label}☐`,
    ],
    harvest,
    rows: form.rows.map((r) => r.label),
    cellText,
    surveyLines: ['mean 70% · median 70% · range 60–80% (2 responses)', 'Yes: 1 (100%)', 'I now see partners everywhere', 'More time for the case study'],
  };
}

describeNeeding(['soffice', 'pdftotext'], 'DOCX export, opened by LibreOffice', () => {
  let dir: string;
  let seed: Harvest;
  let structured: Structured;
  const text: Record<string, string> = {};
  const xml: Record<string, string> = {};

  // One LibreOffice start converts all three documents; each test then reads its own text back.
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wcb-docx-'));
    seed = seedHarvest(JSON.parse(await readFile(FIXTURE, 'utf8')));
    structured = structuredHarvest();
    const files = { seed, hostile: hostileHarvest(), structured: structured.harvest };
    for (const [name, harvest] of Object.entries(files)) await writeFile(join(dir, `${name}.docx`), await renderDocx(harvest));
    const names = Object.keys(files);
    await run('soffice', ['--headless', `-env:UserInstallation=file://${dir}/lo-profile`, '--convert-to', 'pdf', '--outdir', dir, ...names.map((n) => join(dir, `${n}.docx`))]);
    for (const name of names) {
      // -raw keeps the order LibreOffice painted in: cell by cell, so a cell's lines stay together.
      text[name] = await pdfText(join(dir, `${name}.pdf`), '-raw');
      xml[name] = strFromU8(unzipSync(await readFile(join(dir, `${name}.docx`)), { filter: (f) => f.name === 'word/document.xml' })['word/document.xml']!);
    }
    // For a person to look at: the seed's page 1 as LibreOffice lays out the Word document.
    await writePageOnePng(join(dir, 'seed.pdf'), 'seed-003-docx-page1');
    await writePageOnePng(join(dir, 'structured.pdf'), 'forms-docx-page1');
  }, 240_000);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('the seed-003 results read back with all 162 items, each in its phase and section, steps in order', () => {
    const rendered = squash(text.seed!);
    const items = (pick: (t: Harvest['phases'][number]['topics'][number]) => HarvestItem[]) => seed.phases.flatMap((p) => p.topics.flatMap(pick));
    const all162 = [...items((t) => t.selected), ...items((t) => t.material), ...items((t) => t.steps)];
    expect(all162).toHaveLength(162);
    // LibreOffice shows every item and every phase heading.
    for (const item of all162) expect(rendered, item.text).toContain(squash(item.text));
    for (const phase of seed.phases) expect(rendered, phase.title).toContain(squash(phase.title));
    expect(rendered.indexOf(squash('ОЦИФРОВАНІ РЕЗУЛЬТАТИ РОБОТИ «NGO NETWORKING: КОНФЕРЕНЦІЯ»'))).toBe(0);
    expect(rendered).not.toMatch(/\d\.ФОРМУВАННЯ/);

    // Where each item sits (phase, section, order) is the document's structure.
    const all = squash(xmlText(xml.seed!));
    expect(all.indexOf(squash(documentHeading(seed, EVERYTHING)))).toBe(0);

    seed.phases.forEach((phase, i) => {
      const start = all.indexOf(squash(phase.title));
      const next = seed.phases[i + 1];
      const end = next ? all.indexOf(squash(next.title)) : all.length;
      expect(start, phase.title).toBeGreaterThan(0);
      expect(end, phase.title).toBeGreaterThan(start);
      const body = all.slice(start, end);
      const hasSelected = phase.topics.some((t) => t.selected.length);
      const hasMaterial = phase.topics.some((t) => t.material.length);
      const selectedAt = hasSelected ? body.indexOf(squash(phase.selectedLabel)) : 0;
      const materialAt = hasMaterial ? body.indexOf(squash(phase.materialLabel)) : body.length;
      expect(selectedAt, `${phase.title}: selected label`).toBeGreaterThanOrEqual(0);
      expect(materialAt, `${phase.title}: material label after the selected one`).toBeGreaterThan(selectedAt);
      /** Each topic's items in their order, within [from, to) of the phase's text. */
      const inOrder = (list: HarvestItem[], from: number, to: number) => {
        let at = from;
        for (const item of list) {
          const found = body.indexOf(squash(item.text), at);
          expect(found, `${phase.title}: ${item.text}`).toBeGreaterThanOrEqual(from);
          expect(found, `${phase.title}: ${item.text}`).toBeLessThan(to);
          at = found + 1;
        }
      };
      for (const topic of phase.topics) {
        inOrder(topic.selected, selectedAt, materialAt);
        inOrder(topic.material, materialAt, body.length);
        inOrder(topic.steps, 0, body.length);
      }
      inOrder(phase.crossCutting, 0, body.length);
    });
    expect(rendered).toContain(squash('ВЛАДОЮ ГРОМАДОЮ ІНШИМИ ГО'));
    // Steps are numbered per topic, each list from 1.
    expect(text.seed!.match(/^1\. Спільна робота/gm)).toHaveLength(2);
  });

  it('hostile note text reads back literally and stays text inside the document XML', () => {
    const read = text.hostile!.replace(/[ \t]+/g, ' ');
    for (const hostile of HOSTILE.filter((h) => !h.includes('\u202E'))) expect(squash(read), hostile).toContain(squash(hostile));
    expect(read).toContain('line one\nline two');
    // A right-to-left override shows its own note mirrored, and nothing after it.
    expect(read).toMatch(/\u202E?evil override|edirrevo live/);
    expect(read).toContain('bell and nul and lone half stay out');
    expect(read).toContain('DIGITISED RESULTS OF “TITLE <B>&AMP;</B>”');

    const doc = xml.hostile!;
    expect(doc).not.toMatch(/<script|<img|<w:hyperlink|<w:fldSimple|<w:instrText|<b>/i);
    expect(doc).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(doc).toContain(']]&gt;&lt;/w:t&gt;&lt;w:t&gt;injected');
    expect(doc).toContain('\u202Eevil override\u202C');
    expect(doc).not.toContain('\u0007');
  });

  it('a voted phase carries a bar chart of its most voted notes, counts beside the bars', () => {
    // The chart is a table inside the topic's cell: a row per voted note, most votes first, each
    // row the note | a bar of shaded grid columns as long as its share of the top count | the count.
    const charts = nestedTables(xml.hostile!);
    expect(charts).toHaveLength(1);
    const rows = charts[0]!.map((cells) => ({
      note: cells[0]!.text,
      bar: cells.filter((c) => c.fill === 'E8A33D').reduce((sum, c) => sum + c.span, 0),
      columns: cells.reduce((sum, c) => sum + c.span, 0),
      count: cells.at(-1)!.text,
    }));
    expect(rows).toEqual([
      { note: HOSTILE[0], bar: 10, columns: 12, count: '2' },
      { note: HOSTILE[2], bar: 5, columns: 12, count: '1' },
    ]);
    // The list above the chart says the same in words, as LibreOffice shows it.
    expect(text.hostile).toContain('2 votes');
  });

  it('matrix, survey and checklist phases read back with their row labels, ticked cell, summary lines and checks', () => {
    const all = squash(text.structured!);
    for (const row of structured.rows) expect(all, row).toContain(squash(row));
    expect(all).toContain(squash(`✓ ${structured.cellText}`));
    for (const line of structured.surveyLines) expect(all, line).toContain(squash(line));
    expect(all).toContain(squash('Benefits of partnership'));
    expect(all).toContain(squash('2 responses'));
    for (const line of structured.checklistLines) expect(all, line).toContain(squash(line));
  });
});
