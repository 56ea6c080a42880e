import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import * as Y from 'yjs';
import { addNote, buildSessionDocs, castDot, closeVoting, openVoting } from '@wcb/shared';
import { type Harvest, type PdfFonts } from '@wcb/shared/harvest';
import { harvestOf } from './harvest';

/** Fixtures and readers for the results documents, shared by the renderer tests that need no LibreOffice. */

const FONT_DIR = fileURLToPath(new URL('../../node_modules/dejavu-fonts-ttf/ttf/', import.meta.url));
export const pdfFonts = (): PdfFonts => ({
  regular: readFileSync(`${FONT_DIR}DejaVuSans.ttf`),
  bold: readFileSync(`${FONT_DIR}DejaVuSans-Bold.ttf`),
});

/** word/document.xml of a DOCX. */
export const documentXml = (bytes: Uint8Array): string =>
  strFromU8(unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' })['word/document.xml']!);

export type Cell = { xml: string; text: string; span: number; fill: string | null };
export type XmlTable = { depth: number; rows: Cell[][]; xml: string; rowXml: string[] };

const unescapeXml = (text: string) =>
  text.replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name]!);

/** The text of a piece of document.xml in document order: runs joined, a line per paragraph. */
export const xmlText = (xml: string): string =>
  xml
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1]!)).join(''))
    .join('\n')
    .replace(/\n+$/, '');

/** Every table of document.xml in document order (outer before the ones nested in its cells), as rows of cells. */
export function xmlTables(xml: string): XmlTable[] {
  const tables: XmlTable[] = [];
  const open: { t: XmlTable; at: number; cellAt: number; rowAt: number }[] = [];
  for (const m of xml.matchAll(/<(\/?)w:(tbl|tr|tc)(?=[\s>])[^>]*>/g)) {
    const [, close, name] = m;
    const top = open.at(-1);
    if (name === 'tbl' && !close) {
      const t: XmlTable = { depth: open.length, rows: [], xml: '', rowXml: [] };
      tables.push(t);
      open.push({ t, at: m.index, cellAt: 0, rowAt: 0 });
    } else if (name === 'tbl') {
      const done = open.pop()!;
      done.t.xml = xml.slice(done.at, m.index);
    } else if (name === 'tr' && !close) {
      top!.t.rows.push([]);
      top!.rowAt = m.index;
    } else if (name === 'tr') top!.t.rowXml.push(xml.slice(top!.rowAt, m.index));
    else if (name === 'tc' && !close) top!.cellAt = m.index;
    else if (name === 'tc') {
      const cell = xml.slice(top!.cellAt, m.index);
      top!.t.rows.at(-1)!.push({
        xml: cell,
        text: xmlText(cell),
        span: Number(/<w:gridSpan w:val="(\d+)"/.exec(cell)?.[1] ?? 1),
        fill: /<w:shd [^>]*w:fill="([0-9A-Fa-f]{6})"/.exec(cell)?.[1] ?? null,
      });
    }
  }
  return tables;
}

/** The bar rows of the DOCX vote charts (tables nested in a cell): note, shaded grid columns, printed count. */
export const docxBars = (xml: string) =>
  xmlTables(xml)
    .filter((t) => t.depth === 1)
    .flatMap((t) =>
      t.rows.map((cells) => ({
        note: cells[0]!.text,
        bar: cells.filter((c) => c.fill === 'E8A33D').reduce((sum, c) => sum + c.span, 0),
        count: cells.at(-1)!.text,
      })),
    );

/**
 * A World Café session (en) whose first phase was put to a vote: "three dots" in the government
 * column got 3 dots, "one dot" in the community column 1, "no dots" nothing. A per-topic scale
 * would draw both voted bars full length.
 */
export function votedHarvest(): Harvest {
  const docs = buildSessionDocs({ sessionId: 'v', templateId: 'world-cafe-ngo', language: 'en', title: 'Voted', now: 1 });
  const ideal = docs.phases.find((p) => p.phaseId === 'ideal')!.doc;
  const three = addNote(ideal, { topic: 'government', text: 'three dots', x: 16, y: 16 }, 10, 'n3');
  const one = addNote(ideal, { topic: 'community', text: 'one dot', x: 16, y: 16 }, 11, 'n1');
  addNote(ideal, { topic: 'ngos', text: 'no dots', x: 16, y: 16 }, 12, 'n0');
  openVoting(docs.control, { phaseId: 'ideal', budget: 3, per: 'participant', hideCounts: false });
  const votes = new Y.Doc();
  for (let i = 0; i < 3; i++) castDot(votes, 'olya', three, 3);
  castDot(votes, 'petro', one, 3);
  closeVoting(docs.control);
  return harvestOf(docs, new Map([['ideal', votes]]));
}
