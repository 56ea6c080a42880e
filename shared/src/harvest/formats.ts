import type * as Y from 'yjs';
import { buildHarvest } from './build';
import { renderCsv } from './render-csv';
import { renderHtml } from './render-html';
import { renderMarkdown } from './render-markdown';
import { exportSessionJson } from './session-json';
import { isTextExportFormat, type ExportFormat, type TextExportFormat } from './export-formats';
import type { PdfFonts } from './render-pdf';
import { defaultDocumentOptions, type DocumentOptions } from './options';

export type SessionSource = {
  sessionId: string;
  control: Y.Doc;
  phaseDocs: ReadonlyMap<string, Y.Doc>;
  voteDocs: ReadonlyMap<string, Y.Doc>;
  exportedAt?: number;
};

/**
 * Renders one of the text formats (the binary ones, DOCX and PDF, load their libraries lazily).
 * `options` shape the documents (Markdown, HTML); JSON and CSV are data and always carry everything.
 */
export function renderTextExport(source: SessionSource, format: TextExportFormat, options: DocumentOptions = defaultDocumentOptions(format)): string {
  if (format === 'json') return `${JSON.stringify(exportSessionJson(source), null, 2)}\n`;
  const harvest = buildHarvest(source);
  if (format === 'md') return renderMarkdown(harvest, options);
  if (format === 'html') return renderHtml(harvest, options);
  return renderCsv(harvest);
}

/**
 * Renders any format. DOCX and PDF load their libraries on first use (a separate chunk in the
 * browser); a PDF needs the caller's fonts (files on the server, fetched assets in the browser).
 * Without `options` a document takes the defaults (seed 003's shape: no provenance, no charts).
 */
export async function renderExport(
  source: SessionSource,
  format: ExportFormat,
  loadFonts: () => Promise<PdfFonts>,
  options: DocumentOptions = defaultDocumentOptions(format),
): Promise<string | Uint8Array> {
  if (isTextExportFormat(format)) return renderTextExport(source, format, options);
  const harvest = buildHarvest(source);
  if (format === 'docx') {
    const { renderDocx } = await import('./render-docx');
    return renderDocx(harvest, options);
  }
  const [{ renderPdf }, fonts] = await Promise.all([import('./render-pdf'), loadFonts()]);
  return renderPdf(harvest, fonts, options);
}
