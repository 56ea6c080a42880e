import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFArray, PDFDict, PDFDocument } from 'pdf-lib';
import type * as Y from 'yjs';
import { afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { boardLink, buildKit, buildSessionDocs, controlMaps, readSession, seatedLink, setRoundSettings, type KitPaper } from '@wcb/shared';
import { type PdfFonts } from '@wcb/shared/harvest';
import { KIT_PAGE_SIZES, renderKitPdf } from '@wcb/shared/render-kit-pdf';
import { rasterize, scanAll } from '../support/kit-scan';
import { describeNeeding } from '../support/system-deps';
import { pdfText, pdfWordBoxes } from './helpers/pdftotext';

const FONT_DIR = fileURLToPath(new URL('../../node_modules/dejavu-fonts-ttf/ttf/', import.meta.url));
const ORIGIN = 'https://board.example.org';
const SESSION = 'KitSession_0123456789';
const TOKENS = { participant: 'Pp1LmP0s9-QrZt4uVw7xYa', viewer: 'Vv8D_e5Fg1Hi2Jk3Lm4No5', facilitator: 'Ff3Jx0aZ1Yb-kT9cV2nW_8' };
const links = { sessionId: SESSION, origin: ORIGIN, participantToken: TOKENS.participant, viewerToken: TOKENS.viewer, facilitatorToken: TOKENS.facilitator };
// 150 dpi: 4 cm is 236 pixels. A code this big scans from a metre away.
const FOUR_CM_PX = (4 / 2.54) * 150;

/** A seed-003 café (three phases with their questions, three tables) in Ukrainian, three rounds. */
function cafe(): Y.Doc {
  const { control } = buildSessionDocs({ sessionId: SESSION, templateId: 'world-cafe-ngo', language: 'uk' });
  setRoundSettings(control, { count: 3, lengthMs: 20 * 60_000 });
  return control;
}

const rename = (control: Y.Doc, tableId: string, name: string) => controlMaps(control).tables.get(tableId)!.set('name', name);

describeNeeding(['pdftotext', 'pdftoppm'], 'table kit PDF', () => {
  let fonts: PdfFonts;
  let dir: string;
  beforeAll(async () => {
    fonts = { regular: await readFile(join(FONT_DIR, 'DejaVuSans.ttf')), bold: await readFile(join(FONT_DIR, 'DejaVuSans-Bold.ttf')) };
  });
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wcb-kit-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function render(control: Y.Doc, paper: KitPaper, name: string) {
    const file = join(dir, `${name}.pdf`);
    await writeFile(file, await renderKitPdf(buildKit(control, links), fonts, paper));
    const pngDir = join(dir, `${name}-png`);
    await mkdir(pngDir);
    const text = await pdfText(file, '-layout');
    return { file, pngDir, text, pages: text.split('\f') };
  }

  it('every QR code on the poster and the tent cards decodes to its link, at least 4 cm wide; no facilitator link on them', async () => {
    const control = cafe();
    const { file, pngDir } = await render(control, 'a4', 'kit');
    const images = await rasterize(file, pngDir);
    const tables = readSession(control).tables.sort((a, b) => a.order - b.order);
    // Poster, one card per table, then the facilitator sheet (no codes).
    expect(images.length).toBeGreaterThanOrEqual(1 + tables.length + 1);
    const scanned = images.map((image) => scanAll(image));
    const participant = boardLink(ORIGIN, SESSION, TOKENS.participant);
    const viewer = boardLink(ORIGIN, SESSION, TOKENS.viewer);
    expect(scanned[0]!.map((q) => q.text).sort()).toEqual([participant, viewer].sort());
    tables.forEach((table, i) => {
      // Both halves of the tent card: the upright one and the one turned for the other side.
      expect(scanned[1 + i]!.map((q) => q.text), table.name).toEqual([seatedLink(ORIGIN, SESSION, TOKENS.participant, table.id), seatedLink(ORIGIN, SESSION, TOKENS.participant, table.id)]);
      expect(scanned[1 + i]![0]!.text).toBe(`${ORIGIN}/s/${SESSION}#t=${TOKENS.participant}&table=${table.id}`);
    });
    for (const page of scanned.slice(1 + tables.length)) expect(page).toEqual([]);
    for (const code of scanned.flat()) {
      expect(code.side).toBeGreaterThanOrEqual(FOUR_CM_PX);
      expect(code.text).not.toContain(TOKENS.facilitator);
    }
  });

  it('the text reads back: table names, the questions, each table line of the rotation plan, the facilitator sheet', async () => {
    const control = cafe();
    const { text, pages } = await render(control, 'a4', 'text');
    const session = readSession(control);
    for (const table of session.tables) expect(text).toContain(table.name);
    for (const phase of session.phases) expect(text.replace(/\s+/g, ' ')).toContain(phase.question.replace(/\s+/g, ' ').slice(0, 40));
    // Table 1's group: here, then tables 2 and 3; table 3's: here, then 1 and 2.
    const card = (i: number) => pages[i]!.replace(/\s+/g, ' ');
    expect(card(1)).toContain('Господар столу залишається тут усі раунди.');
    expect(card(1)).toContain('раунд 1: тут · раунд 2: Стіл 2 · раунд 3: Стіл 3');
    expect(card(3)).toContain('раунд 1: тут · раунд 2: Стіл 1 · раунд 3: Стіл 2');
    const sheet = pages.slice(4).join(' ').replace(/\s+/g, ' ');
    expect(sheet).toContain('Аркуш фасилітатора');
    expect(sheet).toContain('посилання фасилітатора, яке керує всією сесією');
    expect(sheet.replace(/ /g, '')).toContain(boardLink(ORIGIN, SESSION, TOKENS.facilitator));
    expect(sheet).toContain('раунд 2: Стіл 1 → Стіл 2 · Стіл 2 → Стіл 3 · Стіл 3 → Стіл 1');
    // The template's run sheet, step by step.
    expect(sheet).toContain('1. ФОРМУВАННЯ ІДЕАЛЬНОГО БАЧЕННЯ ВЗАЄМОДІЇ: раундів 3 × 20 хв, з ротацією');
    expect(sheet).toContain('2. Голосування: ФОРМУВАННЯ ІДЕАЛЬНОГО БАЧЕННЯ ВЗАЄМОДІЇ — бюджет 3, 10 хв');
    expect(sheet).toContain('4. Перерва, 15 хв');
    // The facilitator's token is on the sheet only.
    expect(pages.slice(0, 4).join('')).not.toContain(TOKENS.facilitator);
  });

  it('hostile table names print as inert text inside their card: no direction marks, markup as letters, a long name cut', async () => {
    const control = cafe();
    rename(control, 't1', '\u202Eevil\u200F <script>alert(1)</script>');
    rename(control, 't2', 'Ж'.repeat(5000));
    rename(control, 't3', `${'довге слово '.repeat(400)}кінець`);
    controlMaps(control).phases.get('ideal')!.set('question', '=HYPERLINK("http://evil.example","Click") bell\u0007ring 🙂 \u2067isolate');
    controlMaps(control).meta.set('title', '<img src=x onerror=alert(1)> \u202Bкафе');
    const { file, text, pngDir } = await render(control, 'a4', 'hostile');
    expect(text).toContain('evil <script>alert(1)</script>');
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('=HYPERLINK("http://evil.example","Click") bellring :) isolate');
    expect(flat).toContain('<img src=x onerror=alert(1)> кафе');
    expect(text).not.toContain('\u0007');
    // Nothing in the file acts: no script, link, launch, open action or annotation, whatever the names say.
    const pdf = await PDFDocument.load(await readFile(file));
    const keys = new Set<string>();
    for (const [, object] of pdf.context.enumerateIndirectObjects()) {
      if (!(object instanceof PDFDict)) continue;
      for (const [key, value] of object.entries()) {
        // pdf-lib gives each page an empty annotation list; an entry in it would be a link.
        const annots = value instanceof PDFArray ? value : pdf.context.lookup(value);
        if (key.decodeText() !== 'Annots' || !(annots instanceof PDFArray) || annots.size() > 0) keys.add(key.decodeText());
      }
    }
    for (const key of ['JS', 'JavaScript', 'URI', 'Launch', 'OpenAction', 'AA', 'Annots', 'EmbeddedFiles']) expect(keys.has(key), key).toBe(false);
    expect(text).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200E\u200F]/);
    expect(text).not.toContain('кінець');
    const pages = await pdfWordBoxes(file);
    for (const [i, page] of pages.entries()) {
      for (const w of page.words) {
        expect(w.x0, `page ${i + 1} "${w.text}"`).toBeGreaterThanOrEqual(0);
        expect(w.x1, `page ${i + 1} "${w.text}"`).toBeLessThanOrEqual(page.width);
        expect(w.y0).toBeGreaterThanOrEqual(0);
        expect(w.y1).toBeLessThanOrEqual(page.height);
      }
    }
    // On the tent cards nothing crosses the fold.
    for (const page of pages.slice(1, 4)) {
      const fold = page.height / 2;
      for (const w of page.words) expect(w.y0 < fold - 1 && w.y1 > fold + 1, `"${w.text}" crosses the fold`).toBe(false);
    }
    // And the codes still decode.
    const images = await rasterize(file, pngDir);
    expect(scanAll(images[2]!).map((q) => q.text)).toEqual([seatedLink(ORIGIN, SESSION, TOKENS.participant, 't2'), seatedLink(ORIGIN, SESSION, TOKENS.participant, 't2')]);
  });

  it('Letter pages are 8.5 × 11 in, A4 pages 210 × 297 mm, and both hold the same pages', async () => {
    const control = cafe();
    const a4 = await PDFDocument.load(await renderKitPdf(buildKit(control, links), fonts, 'a4'));
    const letter = await PDFDocument.load(await renderKitPdf(buildKit(control, links), fonts, 'letter'));
    expect(a4.getPageCount()).toBe(letter.getPageCount());
    for (const page of a4.getPages()) expect([page.getWidth(), page.getHeight()]).toEqual(KIT_PAGE_SIZES.a4);
    for (const page of letter.getPages()) expect([page.getWidth(), page.getHeight()]).toEqual([612, 792]);
    const { file, pngDir } = await render(control, 'letter', 'letter');
    const images = await rasterize(file, pngDir);
    expect([images[0]!.width, images[0]!.height]).toEqual([1275, 1650]);
    expect(scanAll(images[1]!).length).toBe(2);
  });
});
