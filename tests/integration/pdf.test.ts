import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { PDFDocument } from 'pdf-lib';
import * as Y from 'yjs';
import { afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { addNote, buildSessionDocs, castDot, closeVoting, formOf, openVoting, readSession, setAnswer, setCellText, setCellTicked, setChecked, setSelection, stackNote } from '@wcb/shared';
import { AS_SEED_003, importSeed003, type DocumentOptions, type Harvest, type PdfFonts } from '@wcb/shared/harvest';
import { renderPdf } from '@wcb/shared/render-pdf';
import { harvestOf as harvestAt, SEED003_PATH, type SessionDocsLike } from '../support/harvest';
import { describeNeeding } from '../support/system-deps';
import { writePageOnePng } from '../support/page-pictures';
import { pdfText, pdfWordBoxes } from './helpers/pdftotext';

const run = promisify(execFile);
const FIXTURE = SEED003_PATH;
const FONT_DIR = fileURLToPath(new URL('../../node_modules/dejavu-fonts-ttf/ttf/', import.meta.url));
const EXPORTED_AT = Date.UTC(2026, 10, 23, 12);

const harvestOf = (docs: SessionDocsLike, votes?: ReadonlyMap<string, Y.Doc>): Harvest => harvestAt(docs, votes, EXPORTED_AT);

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The page text without the footers ("Експортовано: 2026-11-23", "3 / 7"), which sit between pages' text. */
const withoutFooters = (text: string) =>
  text
    .split(/\n|\f/)
    .filter((line) => !/^\s*(\S+: \d{4}-\d\d-\d\d)?\s*(\d+ ?\/ ?\d+)?\s*$/.test(line))
    .join('\n');

const MARGIN = 56;
type Word = { x: number; y: number; text: string; pageWidth: number; pageHeight: number };
/** Each page's words with where they start. */
const wordsByPage = async (file: string): Promise<Word[][]> =>
  (await pdfWordBoxes(file)).map((page) => page.words.map((w) => ({ x: w.x0, y: w.y0, text: w.text, pageWidth: page.width, pageHeight: page.height })));

// pdftotext and pdffonts: poppler-utils.
describeNeeding(['pdftotext'], 'PDF harvest', () => {
  let fonts: PdfFonts;
  let dir: string;

  beforeAll(async () => {
    fonts = { regular: await readFile(join(FONT_DIR, 'DejaVuSans.ttf')), bold: await readFile(join(FONT_DIR, 'DejaVuSans-Bold.ttf')) };
  });
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wcb-pdf-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** Renders, writes and reads the PDF back with pdftotext (UTF-8). */
  async function readBack(harvest: Harvest, name: string, options?: DocumentOptions): Promise<{ file: string; bytes: Uint8Array; text: string }> {
    const bytes = await renderPdf(harvest, fonts, options);
    const file = join(dir, `${name}.pdf`);
    await writeFile(file, bytes);
    return { file, bytes, text: await pdfText(file) };
  }

  it('the seed-003 results read back with all 162 items in their phase, in order, in an embedded Cyrillic font', async () => {
    const harvest = harvestOf(importSeed003(JSON.parse(await readFile(FIXTURE, 'utf8')), { sessionId: 'seed003', now: 1_000 }));
    // As published: no provenance, no charts (one text size, so a line's words share their top).
    const { file, bytes, text } = await readBack(harvest, 'seed', AS_SEED_003);
    // For a person to look at: the seed's page 1 of the PDF.
    await writePageOnePng(file, 'seed-003-pdf-page1');
    const flat = collapse(withoutFooters(text));
    expect(flat).toContain('ОЦИФРОВАНІ РЕЗУЛЬТАТИ РОБОТИ «NGO NETWORKING: КОНФЕРЕНЦІЯ»');
    expect(text).toMatch(/^1 ?\/ ?\d+$/m);
    expect(text).toContain('Експортовано: 2026-11-23');

    // Where each word stands (pdftotext -bbox): each phase's pages, each topic's column.
    const pages = await wordsByPage(file);
    const squashed = (text: string) => text.replace(/\s+/g, '');
    const pageText = pages.map((words) => squashed(words.map((w) => w.text).join('')));
    let from = 0;
    const firstPage = harvest.phases.map((phase) => (from = pageText.findIndex((t, i) => i >= from && t.includes(squashed(phase.title)))));
    expect(firstPage.every((at, i) => at >= 0 && (i === 0 || at > firstPage[i - 1]!)), String(firstPage)).toBe(true);
    let items = 0;
    harvest.phases.forEach((phase, p) => {
      const own = pages.slice(firstPage[p], firstPage[p + 1] ?? pages.length);
      // Landscape pages, the topics side by side: every word falls in one column by where it starts.
      // The header row repeats on each page of the table, and may fall inside a cell's text: it is left out.
      const columns = phase.topics.map((topic, j) =>
        squashed(
          own
            .flatMap((words, page) => words.map((w) => ({ ...w, page })))
            // Not the footer, below the bottom margin.
            .filter((w) => w.y < w.pageHeight - MARGIN && Math.floor(((w.x - MARGIN) / (w.pageWidth - 2 * MARGIN)) * phase.topics.length) === j)
            .sort((a, b) => a.page - b.page || a.y - b.y || a.x - b.x)
            .map((w) => w.text)
            .join(''),
        )
          .split(squashed(topic.label))
          .join(''),
      );
      for (const w of own.flat()) expect(w.pageWidth, phase.title).toBeGreaterThan(w.pageHeight);
      phase.topics.forEach((topic, j) => {
        // In its own column, in order: the criteria, then all material, then the steps.
        let at = 0;
        for (const item of [...topic.selected, ...topic.material, ...topic.steps]) {
          const next = columns[j]!.indexOf(squashed(item.text), at);
          expect(next, `${phase.id}/${topic.topicId}: ${item.text}`).toBeGreaterThanOrEqual(0);
          at = next;
        }
        items += topic.selected.length + topic.material.length + topic.steps.length;
      });
    });
    expect(items).toBe(162);

    const { stdout } = await run('pdffonts', [file]);
    // Columns from the right: gen, object, uni, sub, emb. pdf-lib names its subsets "DejaVuSans-1234",
    // not "ABCDEF+DejaVuSans", so pdffonts' "sub" column cannot tell; the file size below does.
    const embedded = stdout.split('\n').filter((l) => /DejaVuSans/.test(l) && l.trim().split(/\s+/).at(-5) === 'yes' && l.trim().split(/\s+/).at(-3) === 'yes');
    expect(embedded.some((l) => /DejaVuSans-Bold/.test(l))).toBe(true);
    expect(embedded.some((l) => /DejaVuSans-\d/.test(l))).toBe(true);
    // Subsets: far smaller than the two 700 KB font files.
    expect(bytes.length).toBeLessThan(400_000);
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getTitle()).toBe(collapse(harvest.title));
    expect(pdf.getCreator()).toBe('World Café Board');
    expect(pdf.getCreationDate()?.getTime()).toBe(EXPORTED_AT);
    // The same harvest gives the same file.
    expect(Buffer.from(await renderPdf(harvest, fonts, AS_SEED_003)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('the participation figure is drawn on a page of its own when asked for, and left out of seed 003’s default', async () => {
    const docs = buildSessionDocs({ sessionId: 'p', templateId: 'world-cafe-ngo', language: 'uk', now: 1 });
    const ideal = docs.phases.find((p) => p.phaseId === 'ideal')!.doc;
    addNote(ideal, { topic: 'government', text: 'Довіра', table: 't1', round: 1, author: 'Оля' }, 1, 'a');
    addNote(ideal, { topic: 'community', text: 'Гроші', table: 't2', round: 2, author: '' }, 2, 'b');
    const harvest = harvestOf(docs);
    const withFigure = await readBack(harvest, 'participation', { ...AS_SEED_003, participation: true });
    const squashed = withFigure.text.replace(/\s+/g, ' ');
    expect(squashed).toContain('Хто взяв участь');
    expect(squashed).toContain('Без імені: 1 з 2 нотаток (50%)');
    expect(squashed).not.toContain('Оля');
    await writePageOnePng(withFigure.file, 'participation-pdf', 2);
    expect((await readBack(harvest, 'plain', AS_SEED_003)).text).not.toContain('Хто взяв участь');
  });

  it('hostile note text renders without throwing and reads back as plain text; a 300-letter word wraps', async () => {
    const long = 'щ'.repeat(150) + 'w'.repeat(150);
    const hostile = [
      '<script>alert(1)</script>',
      '=HYPERLINK("http://evil.example","Click")',
      '\u202Eevil override',
      'smile 🙂 please',
      'thumbs 👍🏽 and party 🎉 and ❤️ and 🦩',
      'bell\u0007ring',
      'tab\there\nnext line',
      long,
    ];
    const docs = buildSessionDocs({ sessionId: 'h', templateId: 'world-cafe-ngo', language: 'uk', now: 1 });
    const ideal = docs.phases.find((p) => p.phaseId === 'ideal')!.doc;
    const ids = hostile.map((text, i) => addNote(ideal, { topic: 'government', text, table: 't1', round: 2, x: 16, y: 16 + i * 200 }, 10 + i, `h${i}`));
    // A stack, dots and a selected criterion: the vote bars and the ×count and vote labels print too.
    const twin = addNote(ideal, { topic: 'government', text: 'the same once more', x: 232, y: 16 }, 20, 'twin');
    stackNote(ideal, twin, ids[0]!);
    openVoting(docs.control, { phaseId: 'ideal', budget: 3, per: 'participant', hideCounts: false });
    const votes = new Y.Doc();
    castDot(votes, 'olya', ids[0]!, 3);
    castDot(votes, 'olya', ids[0]!, 3);
    castDot(votes, 'petro', ids[3]!, 3);
    closeVoting(docs.control);
    setSelection(docs.control, 'ideal', 'government', [ids[3]!]);
    const { bytes, text } = await readBack(harvestOf(docs, new Map([['ideal', votes]])), 'hostile');
    const flat = collapse(withoutFooters(text));
    expect(flat).toContain('<script>alert(1)</script>');
    expect(flat).toContain('=HYPERLINK("http://evil.example","Click")');
    expect(flat).toContain('evil override');
    expect(flat).toContain('1. smile :) please 1 голос Стіл 1 · Раунд 2');
    // Emoji print as their emoticon (a documented substitution), never "?".
    expect(flat).toMatch(/thumbs \(\+1\) and party \(party\) and (<3|❤) and \(emoji\)/);
    expect(flat).toContain('<script>alert(1)</script> ×2 2 голоси Стіл 1 · Раунд 2');
    expect(flat).toContain('bellring');
    expect(text.includes('\u0007') || text.includes('\u202E')).toBe(false);
    expect(flat).toContain('tab here next line');
    // The word runs over a page, the table's header row repeated on the next.
    expect(flat.replace(/ /g, '').replace(/ВЛАДОЮГРОМАДОЮІНШИМИГО/g, '')).toContain(long);
    // Wrapped between characters: no single line holds the whole word, and it takes a few lines.
    const lines = text.split('\n').filter((l) => /[щw]{20,}/.test(l));
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.every((l) => l.trim().length < long.length)).toBe(true);
    expect((await PDFDocument.load(bytes)).getPageCount()).toBeLessThanOrEqual(3);
  });

  it('matrix, checklist and survey phases read back with their labels, ticks, progress and the mean line', async () => {
    const matrix = buildSessionDocs({ sessionId: 'm', templateId: 'benefits-matrix', language: 'uk', now: 1 });
    const mPhase = matrix.phases[0]!;
    const mForm = formOf(readSession(matrix.control).prompts, mPhase.phaseId);
    const [row, column] = [mForm.rows[0]!, mForm.columns[1]!];
    setCellTicked(mPhase.doc, row.id, column.id, true, 'Стіл 1');
    setCellText(mPhase.doc, row.id, column.id, 'призи школам');
    const m = await readBack(harvestOf(matrix), 'matrix');
    const mFlat = collapse(m.text);
    for (const p of [...mForm.rows, ...mForm.columns]) expect(mFlat).toContain(collapse(p.label));
    expect(mFlat).toContain('✓ призи школам');

    const survey = buildSessionDocs({ sessionId: 's', templateId: 'seminar-evaluation', language: 'en', now: 1 });
    const sPhase = survey.phases[0]!;
    const sForm = formOf(readSession(survey.control).prompts, sPhase.phaseId);
    const percent = sForm.sections.flatMap((s) => s.children).find((q) => q.answer === 'percent')!;
    setAnswer(sPhase.doc, 'dev1', percent.id, 60, 2);
    setAnswer(sPhase.doc, 'dev2', percent.id, 80, 3);
    const s = await readBack(harvestOf(survey), 'survey');
    const sFlat = collapse(withoutFooters(s.text));
    for (const sec of sForm.sections) if (sec.section) expect(sFlat).toContain(collapse(sec.section.label));
    expect(sFlat).toContain(collapse(percent.label));
    expect(sFlat).toContain('mean 70% · median 70% · range 60–80% (2 responses)');
    expect(sFlat).toContain('2 responses');

    const cycle = buildSessionDocs({ sessionId: 'c', templateId: 'partnership-cycle', language: 'uk', now: 1 });
    const cPhase = cycle.phases.find((p) => formOf(readSession(cycle.control).prompts, p.phaseId).sections.length)!;
    const cForm = formOf(readSession(cycle.control).prompts, cPhase.phaseId);
    const first = cForm.sections[0]!.children[0]!;
    setChecked(cPhase.doc, first.id, true, 'Оля', 5);
    const c = await readBack(harvestOf(cycle), 'checklist');
    const cFlat = collapse(withoutFooters(c.text));
    expect(cFlat).toContain(`☑ ${collapse(first.label)}`);
    expect(cFlat).toContain(`☐ ${collapse(cForm.sections[0]!.children[1]!.label)}`);
    expect(cFlat).toMatch(/1 \/ \d+ виконано/);
  });
});
