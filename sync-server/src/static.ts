import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import sirv from 'sirv';
import type { Logger } from './logger';
import { sendJson } from './http-util';

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

// Vite puts content-hashed files under /assets/: a changed file gets a new name, so these can
// be cached forever. Everything else (index.html, sw.js, the manifest, SPA routes) keeps its
// name across deploys and must be revalidated, or a stale shell would pin old asset names.
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/**
 * Serves the built client. Unknown extension-less paths (e.g. /s/<id>) fall back to
 * index.html so deep links load the app; missing files with an extension are 404s.
 */
export function createStaticHandler(staticDir: string, logger: Logger): RequestHandler {
  if (!existsSync(join(staticDir, 'index.html'))) {
    logger.warn('client build not found; serving the API only', { staticDir });
    return (_req, res) => sendJson(res, 404, { error: 'client not built (run `npm run build`)' });
  }
  const serve = sirv(staticDir, {
    single: true,
    etag: true,
    setHeaders: (res, pathname) => {
      res.setHeader('Cache-Control', pathname.startsWith('/assets/') ? IMMUTABLE : REVALIDATE);
    },
  });
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, { error: 'method not allowed' }, { Allow: 'GET, HEAD' });
      return;
    }
    serve(req, res);
  };
}
