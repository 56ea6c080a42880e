import type { IncomingMessage, ServerResponse } from 'node:http';
import { buildKit, isKitPaper, readSession, type KitLinks, type KitPaper } from '@wcb/shared';
import { exportFileName, type PdfFonts } from '@wcb/shared/harvest';
import { contentDisposition } from './export-api';
import { makeFontLoader } from './fonts';
import { HttpError, sendJson } from './http-util';
import type { AuthGuard } from './limits';
import { authorizeRequest } from './sessions-api';
import { loadSessionDocs } from './session-docs';
import { bearerToken, roleForToken } from './tokens';
import type { Storage } from './storage/types';

/** `/api/sessions/<id>/kit.pdf` */
const KIT_RE = /^\/api\/sessions\/([^/]+)\/kit\.pdf$/;

/**
 * The server keeps only hashes of the links' tokens, so the caller hands over the participant and
 * viewer tokens the kit prints (headers, never the URL: they stay out of logs). Each is checked to
 * be exactly that role's token, so a kit never prints a link that does not work, or a stronger one.
 */
export const KIT_TOKEN_HEADERS = { participant: 'x-participant-token', viewer: 'x-viewer-token' } as const;

/** The kit's PDF for a session in storage: shared by the HTTP endpoint and `npm run kit`. */
export async function renderStoredKit(
  storage: Storage,
  links: KitLinks,
  paper: KitPaper,
  fonts: () => Promise<PdfFonts>,
): Promise<{ pdf: Uint8Array; fileName: string }> {
  const source = await loadSessionDocs(storage, links.sessionId);
  try {
    const [{ renderKitPdf }, loaded] = await Promise.all([import('@wcb/shared/render-kit-pdf'), fonts()]);
    const pdf = await renderKitPdf(buildKit(source.control, links), loaded, paper);
    const title = readSession(source.control).meta.title;
    return { pdf, fileName: exportFileName(`${title}-kit`, Date.now(), 'pdf') };
  } finally {
    source.destroy();
  }
}

/**
 * Where the links point: this request's own origin, as the browser that asked sees it. The
 * scheme a proxy reports counts only behind a trusted proxy (TRUST_PROXY), like its addresses.
 */
function originOf(req: IncomingMessage, trustProxy: number): string {
  const forwarded = trustProxy > 0 ? String(req.headers['x-forwarded-proto'] ?? '').split(',')[0]?.trim() : undefined;
  const proto = forwarded === 'https' || forwarded === 'http' ? forwarded : 'encrypted' in req.socket ? 'https' : 'http';
  const host = req.headers.host ?? 'localhost';
  if (!/^[A-Za-z0-9.:[\]-]+$/.test(host)) throw new HttpError(400, 'bad Host header');
  return `${proto}://${host}`;
}

/** GET the printable table kit, facilitator token only (its sheet carries the facilitator link). */
export class KitApi {
  private readonly fonts = makeFontLoader();

  constructor(
    private readonly storage: Storage,
    private readonly authGuard?: AuthGuard,
    private readonly trustProxy = 0,
  ) {}

  handles(path: string): boolean {
    return KIT_RE.test(path);
  }

  async handle(path: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const [, id = ''] = KIT_RE.exec(path) ?? [];
    if (req.method !== 'GET') return sendJson(res, 405, { error: 'use GET' }, { Allow: 'GET' });
    await authorizeRequest(this.storage, req, id, 'facilitator', this.authGuard);
    const paper = new URL(req.url ?? '/', 'http://x').searchParams.get('paper') ?? 'a4';
    if (!isKitPaper(paper)) throw new HttpError(400, 'paper must be a4 or letter');
    const hashes = (await this.storage.getSession(id))?.tokenHashes ?? null;
    const tokenOf = (role: keyof typeof KIT_TOKEN_HEADERS): string => {
      const token = req.headers[KIT_TOKEN_HEADERS[role]];
      if (typeof token !== 'string' || !token) throw new HttpError(400, `send the ${role} token in ${KIT_TOKEN_HEADERS[role]}: the server keeps only its hash`);
      if (roleForToken(token, hashes) !== role) throw new HttpError(400, `${KIT_TOKEN_HEADERS[role]} is not this session's ${role} token`);
      return token;
    };
    const facilitatorToken = bearerToken(req.headers.authorization);
    const links: KitLinks = { sessionId: id, origin: originOf(req, this.trustProxy), participantToken: tokenOf('participant'), viewerToken: tokenOf('viewer'), facilitatorToken };
    const { pdf, fileName } = await renderStoredKit(this.storage, links, paper, this.fonts);
    const body = Buffer.from(pdf);
    res.writeHead(200, {
      'Content-Type': 'application/pdf',
      'Content-Length': body.byteLength,
      'Content-Disposition': contentDisposition(fileName),
      'Cache-Control': 'no-store',
    });
    res.end(body);
  }
}
