import type * as Y from 'yjs';
import { buildHarvest } from './build';
import { renderCsv } from './render-csv';
import { renderHtml } from './render-html';
import { renderMarkdown } from './render-markdown';
import { exportSessionJson } from './session-json';

/** The export formats every surface offers (client menu, server endpoint, CLI). */
export const TEXT_EXPORT_FORMATS = ['md', 'html', 'csv', 'json'] as const;
export type TextExportFormat = (typeof TEXT_EXPORT_FORMATS)[number];

export const EXPORT_MIME: Readonly<Record<string, string>> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  png: 'image/png',
  svg: 'image/svg+xml',
};

export type SessionSource = {
  sessionId: string;
  control: Y.Doc;
  phaseDocs: ReadonlyMap<string, Y.Doc>;
  voteDocs: ReadonlyMap<string, Y.Doc>;
  exportedAt?: number;
};

export const isTextExportFormat = (v: unknown): v is TextExportFormat => TEXT_EXPORT_FORMATS.includes(v as TextExportFormat);

/** Renders one of the text formats (the binary ones, DOCX and PDF, load their libraries lazily). */
export function renderTextExport(source: SessionSource, format: TextExportFormat): string {
  if (format === 'json') return `${JSON.stringify(exportSessionJson(source), null, 2)}\n`;
  const harvest = buildHarvest(source);
  if (format === 'md') return renderMarkdown(harvest);
  if (format === 'html') return renderHtml(harvest);
  return renderCsv(harvest);
}

// File names: letters of any script, digits and dashes; everything else becomes one dash.
const MAX_NAME = 80;

/** "NGO Networking: конференція" exported on 2026-11-23 as docx → "NGO-Networking-конференція-2026-11-23.docx". */
export function exportFileName(title: string, at: number, ext: string): string {
  const slug = title
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_NAME)
    .replace(/-+$/, '');
  const date = new Date(at).toISOString().slice(0, 10);
  return `${slug || 'session'}-${date}.${ext}`;
}
