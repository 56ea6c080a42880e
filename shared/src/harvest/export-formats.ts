/**
 * What the export surfaces (client menu, server endpoint, CLI) need to know about formats, without
 * the renderers: the board imports this eagerly, the renderers load only when someone exports.
 */

/** The formats written as text. */
export const TEXT_EXPORT_FORMATS = ['md', 'html', 'csv', 'json'] as const;
export type TextExportFormat = (typeof TEXT_EXPORT_FORMATS)[number];

/** Every results format, the document ones first: what a facilitator usually wants. */
export const EXPORT_FORMATS = ['docx', 'pdf', ...TEXT_EXPORT_FORMATS] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const isExportFormat = (v: unknown): v is ExportFormat => EXPORT_FORMATS.includes(v as ExportFormat);

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

export const isTextExportFormat = (v: unknown): v is TextExportFormat => TEXT_EXPORT_FORMATS.includes(v as TextExportFormat);

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
