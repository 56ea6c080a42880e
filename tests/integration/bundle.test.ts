import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isCI } from '../support/system-deps';

const DIST = fileURLToPath(new URL('../../client/dist/', import.meta.url));

/**
 * Strings that only the export code carries: the HTML renderer's stylesheet, the DOCX library's
 * OOXML namespace, the PDF library's stream filter name.
 */
const EXPORT_ONLY = { 'results HTML renderer': 'tr.label td{background:#faf6ee', 'docx library': 'schemas.openxmlformats.org', 'pdf-lib': 'FlateDecode' };

describe('client bundle', () => {
  it('the board loads without the export code: renderers come in a lazy chunk', ({ skip }) => {
    // `npm test` builds the client first; run `npm run build` before this file alone.
    if (!existsSync(`${DIST}index.html`)) {
      if (isCI()) throw new Error('no client build in client/dist: `npm test` builds it before the tests');
      skip('no client build in client/dist (`npm run build` makes it; `npm test` does first)');
    }
    const html = readFileSync(`${DIST}index.html`, 'utf8');
    const entries = [...html.matchAll(/<script[^>]+src="\/([^"]+\.js)"/g)].map((m) => m[1]!);
    const preloads = [...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+\.js)"/g)].map((m) => m[1]!);
    expect(entries.length).toBeGreaterThan(0);
    for (const file of [...entries, ...preloads]) {
      const code = readFileSync(`${DIST}${file}`, 'utf8');
      for (const [what, marker] of Object.entries(EXPORT_ONLY)) expect(code.includes(marker), `${what} in ${file}`).toBe(false);
    }
  });
});
