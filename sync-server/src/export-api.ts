import type { IncomingMessage, ServerResponse } from 'node:http';
import { readSession } from '@wcb/shared';
import { EXPORT_MIME, exportFileName, isExportFormat, renderExport } from '@wcb/shared/harvest';
import { makeFontLoader } from './fonts';
import { HttpError, sendJson } from './http-util';
import type { AuthGuard } from './limits';
import { authorizeRequest } from './sessions-api';
import { loadSessionDocs } from './session-docs';
import type { Storage } from './storage/types';

/** `/api/sessions/<id>/export.<format>` */
const EXPORT_RE = /^\/api\/sessions\/([^/]+)\/export\.([a-z]+)$/;

/** RFC 6266: an ASCII fallback name plus the real (Cyrillic) one, percent-encoded. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7E]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** GET a session's results in one format, facilitator token only (the harvest holds every note). */
export class ExportApi {
  private readonly fonts = makeFontLoader();

  constructor(
    private readonly storage: Storage,
    /** Limits failed token attempts per address (429), shared with the sessions API. */
    private readonly authGuard?: AuthGuard,
  ) {}

  handles(path: string): boolean {
    return EXPORT_RE.test(path);
  }

  async handle(path: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const [, id = '', format = ''] = EXPORT_RE.exec(path) ?? [];
    if (req.method !== 'GET') return sendJson(res, 405, { error: 'use GET' }, { Allow: 'GET' });
    await authorizeRequest(this.storage, req, id, 'facilitator', this.authGuard);
    if (!isExportFormat(format)) throw new HttpError(404, `unknown export format "${format}"`);
    const source = await loadSessionDocs(this.storage, id);
    try {
      const now = Date.now();
      const rendered = await renderExport({ ...source, exportedAt: now }, format, this.fonts);
      const body = typeof rendered === 'string' ? Buffer.from(rendered, 'utf8') : Buffer.from(rendered);
      const title = readSession(source.control).meta.title;
      res.writeHead(200, {
        'Content-Type': EXPORT_MIME[format]!,
        'Content-Length': body.byteLength,
        'Content-Disposition': contentDisposition(exportFileName(title, now, format)),
        'Cache-Control': 'no-store',
      });
      res.end(body);
    } finally {
      source.destroy();
    }
  }
}
