import { concatTransformationMatrix, PDFDocument, popGraphicsState, pushGraphicsState, type PDFPage } from 'pdf-lib';
import { embedFonts, type PdfFonts } from '../harvest/pdf-fonts';
import { drawQr, GREY, INK, KitPen, LIGHT, type TextStyle } from './kit-draw';
import { rotationLine, type Kit, type KitPaper, type KitTable } from './kit-model';

/** Page sizes in points. */
export const KIT_PAGE_SIZES: Record<KitPaper, [number, number]> = { a4: [595.28, 841.89], letter: [612, 792] };

const SIDE = 36;
// Nothing within this distance of the fold, so a crease never runs through text or a QR code.
const FOLD_GAP = 28;
const BOTTOM = 30;
// 156 pt = 5.5 cm: scans from well over a metre on a table tent.
export const TENT_QR = 156;
export const POSTER_QR = 260;
export const VIEWER_QR = 170;

/** One half of a tent card, upright in the band y ∈ [0, h] of a page `w` wide. */
function tentHalf(pen: KitPen, page: PDFPage, kit: Kit, table: KitTable, w: number, h: number): void {
  const nameSize = pen.fitSize(table.name, [48, 40, 34, 28, 24, 20, 16], w - 2 * SIDE, 2);
  const y = pen.text(page, table.name, { size: nameSize, bold: true }, { x: SIDE, top: h - FOLD_GAP, max: w - 2 * SIDE, maxLines: 2, center: true });
  const qrTop = y - 10;
  drawQr(page, table.link, SIDE, qrTop - TENT_QR, TENT_QR);
  pen.text(page, table.link, { size: 7, color: GREY }, { x: SIDE, top: qrTop - TENT_QR - 2, max: TENT_QR, maxLines: 5 });
  const x = SIDE + TENT_QR + 18;
  const max = w - x - SIDE;
  let at = pen.text(page, kit.labels.scanToSit, { size: 12, bold: true }, { x, top: qrTop, max, maxLines: 2 });
  at = pen.text(page, rotationLine(kit, table), { size: 9.5 }, { x, top: at - 4, max, maxLines: 6 });
  if (!kit.questions.length) return;
  at = pen.text(page, kit.labels.questions, { size: 10, bold: true }, { x, top: at - 8, max, maxLines: 1 });
  const small: TextStyle = { size: 8.5 };
  for (const q of kit.questions) {
    if (at - 3 * pen.lineHeight(small) < BOTTOM) break;
    at = pen.text(page, q.title, { ...small, bold: true }, { x, top: at - 3, max, maxLines: 1 });
    const room = Math.floor((at - BOTTOM) / pen.lineHeight(small));
    if (q.question.trim() && room > 0) at = pen.text(page, q.question, { ...small, color: GREY }, { x, top: at, max, maxLines: Math.min(4, room) });
  }
}

/**
 * A tent card: fold the page across its middle. The lower half is upright, the upper half the same
 * content turned 180°, so the folded card stands on the table and reads from both sides.
 */
function tentCard(doc: PDFDocument, pen: KitPen, kit: Kit, table: KitTable, [w, h]: [number, number]): void {
  const page = doc.addPage([w, h]);
  const half = h / 2;
  tentHalf(pen, page, kit, table, w, half);
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(-1, 0, 0, -1, w, h));
  tentHalf(pen, page, kit, table, w, half);
  page.pushOperators(popGraphicsState());
  page.drawLine({ start: { x: 0, y: half }, end: { x: w, y: half }, thickness: 0.5, color: LIGHT, dashArray: [4, 4] });
  const fold = pen.clean(kit.labels.fold);
  page.drawText(fold, { x: w - SIDE - pen.width(fold, { size: 6 }), y: half + 2, size: 6, font: pen.fonts.regular, color: LIGHT });
}

/** The room poster: the participant code for people without a table, the viewer code for the projector. */
function poster(doc: PDFDocument, pen: KitPen, kit: Kit, [w, h]: [number, number]): void {
  const page = doc.addPage([w, h]);
  const max = w - 2 * SIDE - 20;
  const box = (top: number, maxLines = 2) => ({ x: SIDE + 10, top, max, maxLines, center: true });
  const titleSize = pen.fitSize(kit.title, [28, 24, 20, 16], max, 2);
  let y = pen.text(page, kit.title, { size: titleSize, bold: true }, box(h - 44));
  y = pen.text(page, kit.labels.posterJoin, { size: 30, bold: true }, box(y - 10, 1));
  y = pen.text(page, kit.labels.posterJoinHint, { size: 12, color: GREY }, box(y, 1));
  drawQr(page, kit.participantLink, (w - POSTER_QR) / 2, y - 6 - POSTER_QR, POSTER_QR);
  y = pen.text(page, kit.participantLink, { size: 10 }, box(y - 6 - POSTER_QR - 2, 3));
  page.drawLine({ start: { x: SIDE, y: y - 12 }, end: { x: w - SIDE, y: y - 12 }, thickness: 0.5, color: LIGHT, dashArray: [4, 4] });
  y = pen.text(page, kit.labels.posterViewer, { size: 18, bold: true }, box(y - 20, 1));
  y = pen.text(page, kit.labels.posterViewerHint, { size: 11, color: GREY }, box(y, 1));
  drawQr(page, kit.viewerLink, (w - VIEWER_QR) / 2, y - 6 - VIEWER_QR, VIEWER_QR);
  pen.text(page, kit.viewerLink, { size: 9 }, box(y - 6 - VIEWER_QR - 2, 3));
}

/** Text that flows down pages of the facilitator sheet, starting a new page when one is full. */
class SheetFlow {
  private page: PDFPage;
  private y: number;

  constructor(
    private readonly doc: PDFDocument,
    private readonly pen: KitPen,
    private readonly size: [number, number],
  ) {
    this.page = doc.addPage(size);
    this.y = size[1] - 44;
  }

  para(text: string, style: TextStyle, opts: { indent?: number; before?: number } = {}): void {
    const x = SIDE + 14 + (opts.indent ?? 0);
    const max = this.size[0] - x - SIDE - 14;
    const lines = this.pen.wrap(text, style, max).length;
    const height = lines * this.pen.lineHeight(style) + (opts.before ?? 0);
    if (this.y - height < BOTTOM + 14) {
      this.page = this.doc.addPage(this.size);
      this.y = this.size[1] - 44;
    } else this.y -= opts.before ?? 0;
    this.y = this.pen.text(this.page, text, style, { x, top: this.y, max });
  }
}

function facilitatorSheet(doc: PDFDocument, pen: KitPen, kit: Kit, size: [number, number]): void {
  const { labels } = kit;
  const flow = new SheetFlow(doc, pen, size);
  const heading = (text: string) => flow.para(text, { size: 13, bold: true }, { before: 14 });
  const link = (text: string) => flow.para(text, { size: 9, color: GREY }, { indent: 10 });
  flow.para(`${labels.sheetTitle}: ${kit.title}`, { size: 18, bold: true });
  flow.para(labels.sheetSecret, { size: 10, bold: true, color: INK }, { before: 8 });
  heading(labels.facilitatorLink);
  link(kit.facilitatorLink ?? labels.facilitatorLinkMissing);
  heading(labels.participantLink);
  link(kit.participantLink);
  heading(labels.viewerLink);
  link(kit.viewerLink);
  heading(labels.tableLinks);
  for (const table of kit.tables) {
    flow.para(table.name, { size: 10, bold: true }, { before: 4 });
    link(table.link);
  }
  heading(labels.rotationPlan);
  flow.para(labels.rounds(kit.rounds, kit.roundMinutes), { size: 10 });
  for (const round of kit.plan) {
    const moves = round.moves.map((m) => `${m.from} → ${m.to}`).join(' · ');
    flow.para(`${labels.round(round.round)}: ${moves}`, { size: 10 }, { before: 3 });
  }
  heading(labels.runSheet);
  if (!kit.runSheet.length) flow.para(labels.runSheetEmpty, { size: 10, color: GREY });
  kit.runSheet.forEach((line, i) => flow.para(`${i + 1}. ${line}`, { size: 10 }, { before: 2 }));
}

/**
 * The printable table kit: the room poster, a tent card per table, then the facilitator sheet, on
 * A4 or Letter. Pure: the same kit and fonts give the same bytes; runs in node and in the browser.
 */
export async function renderKitPdf(kit: Kit, fonts: PdfFonts, paper: KitPaper = 'a4'): Promise<Uint8Array> {
  const size = KIT_PAGE_SIZES[paper];
  const doc = await PDFDocument.create({ updateMetadata: false });
  const { regular, bold } = await embedFonts(doc, fonts);
  const pen = new KitPen({ regular, bold });
  poster(doc, pen, kit, size);
  for (const table of kit.tables) tentCard(doc, pen, kit, table, size);
  facilitatorSheet(doc, pen, kit, size);
  doc.setTitle(pen.clean(kit.title), { showInWindowTitleBar: true });
  doc.setLanguage(kit.language);
  doc.setCreator('World Café Board');
  doc.setProducer('World Café Board');
  return doc.save();
}
