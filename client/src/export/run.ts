import type * as Y from 'yjs';
import { readSession } from '@wcb/shared';
import { EXPORT_MIME, exportFileName, isDocumentFormat, renderExport, type DocumentOptions, type ExportFormat } from '@wcb/shared/harvest';
import { loadPdfFonts } from './fonts';
import { gatherSession, type GatherProgress } from './gather';

/** Hands a file to the browser's downloads. */
export function download(fileName: string, body: BlobPart, mime: string): void {
  const url = URL.createObjectURL(new Blob([body], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked on the next task: the click has started the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export type ExportResult = { fileName: string; stale: string[] };

/**
 * Loaded lazily (import('./export/run')) by the export menu: the renderers stay out of the
 * board's first bundle. Gathers every room, renders, downloads. `options` shape the documents
 * (DOCX, PDF, HTML, Markdown); JSON and CSV carry everything whatever they say.
 */
export async function exportSession(
  sessionId: string,
  control: Y.Doc,
  token: string | undefined,
  format: ExportFormat,
  options: DocumentOptions,
  onProgress: (p: GatherProgress) => void,
): Promise<ExportResult> {
  const gathered = await gatherSession(sessionId, control, token, onProgress);
  try {
    const now = Date.now();
    const fileName = exportFileName(readSession(control).meta.title, now, format);
    const body = await renderExport({ ...gathered.source, exportedAt: now }, format, loadPdfFonts, isDocumentFormat(format) ? options : undefined);
    download(fileName, typeof body === 'string' ? body : new Uint8Array(body), EXPORT_MIME[format]!);
    return { fileName, stale: gathered.stale };
  } finally {
    gathered.dispose();
  }
}
