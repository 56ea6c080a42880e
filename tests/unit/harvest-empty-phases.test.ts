import { PDFPage } from 'pdf-lib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addNote, buildSessionDocs, formOf, readSession, setCellTicked } from '@wcb/shared';
import { phaseHasContent, renderHtml, renderMarkdown } from '@wcb/shared/harvest';
import { renderDocx } from '@wcb/shared/render-docx';
import { renderPdf } from '@wcb/shared/render-pdf';
import { harvestOf } from '../support/harvest';
import { documentXml, pdfFonts, xmlText } from '../support/harvest-docs';

afterEach(() => vi.restoreAllMocks());

/** A World Café session (en) where only the first phase has a note: the other two are empty. */
function oneFilledPhase() {
  const docs = buildSessionDocs({ sessionId: 'e', templateId: 'world-cafe-ngo', language: 'en', title: 'Empty', now: 1 });
  addNote(docs.phases[0]!.doc, { topic: 'government', text: 'the only note', x: 16, y: 16 }, 10, 'n1');
  const harvest = harvestOf(docs);
  const [filled, ...empty] = harvest.phases;
  return { harvest, filled: filled!.title, empty: empty.map((p) => p.title) };
}

describe('empty phases are left out of the results documents', () => {
  it('Markdown, HTML and DOCX print the phase with a note and none of the empty ones', async () => {
    const { harvest, filled, empty } = oneFilledPhase();
    expect(empty).toHaveLength(2);
    const docx = xmlText(documentXml(await renderDocx(harvest)));
    for (const text of [renderMarkdown(harvest), renderHtml(harvest), docx]) {
      expect(text).toContain(filled);
      for (const title of empty) expect(text).not.toContain(title);
    }
  }, 30_000);

  it('PDF draws no heading of an empty phase', async () => {
    const { harvest, filled, empty } = oneFilledPhase();
    const drawn: string[] = [];
    const draw = PDFPage.prototype.drawText;
    vi.spyOn(PDFPage.prototype, 'drawText').mockImplementation(function (this: PDFPage, text, opts) {
      drawn.push(text);
      draw.call(this, text, opts);
    });
    await renderPdf(harvest, pdfFonts());
    const all = drawn.join('\n');
    expect(all).toContain(filled);
    for (const title of empty) expect(all).not.toContain(title);
  }, 30_000);

  it('a form phase counts as filled once it has an answer, not before', () => {
    const docs = buildSessionDocs({ sessionId: 'm', templateId: 'benefits-matrix', language: 'en', now: 1 });
    expect(phaseHasContent(harvestOf(docs).phases[0]!)).toBe(false);
    const form = formOf(readSession(docs.control).prompts, docs.phases[0]!.phaseId);
    setCellTicked(docs.phases[0]!.doc, form.rows[0]!.id, form.columns[0]!.id, true, 'olya');
    expect(phaseHasContent(harvestOf(docs).phases[0]!)).toBe(true);
  });
});
