import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

const run = promisify(execFile);

export type FoundQr = { text: string; /** Side of the code's data area in pixels (finder corner to corner). */ side: number };
export type PageImage = { width: number; height: number; data: Uint8ClampedArray };

/** The PDF's pages as pixels, as a printer at `dpi` would see them (pdftoppm). */
export async function rasterize(pdf: string, dir: string, dpi = 150): Promise<PageImage[]> {
  await run('pdftoppm', ['-r', String(dpi), '-png', pdf, join(dir, 'page')]);
  const files = (await readdir(dir)).filter((f) => /^page-\d+\.png$/.test(f)).sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
  return Promise.all(
    files.map(async (f) => {
      const png = PNG.sync.read(await readFile(join(dir, f)));
      return { width: png.width, height: png.height, data: new Uint8ClampedArray(png.data) };
    }),
  );
}

type Region = { y0: number; y1: number };

/** Decodes codes in a band of the page one by one, painting each found one white before looking again. */
function drain(page: PageImage, data: Uint8ClampedArray, band: Region, found: FoundQr[], limit: number): void {
  const height = band.y1 - band.y0;
  for (let i = 0; i < limit; i++) {
    const view = data.subarray(band.y0 * page.width * 4, band.y1 * page.width * 4);
    const code = jsQR(view, page.width, height, { inversionAttempts: 'dontInvert' });
    if (!code) return;
    const { topLeftCorner: a, topRightCorner: b, bottomLeftCorner: c, bottomRightCorner: d } = code.location;
    // jsQR reads a blank or text-only area as an empty code now and then; no kit code is empty.
    if (code.data) found.push({ text: code.data, side: Math.hypot(b.x - a.x, b.y - a.y) });
    const xs = [a.x, b.x, c.x, d.x];
    const ys = [a.y, b.y, c.y, d.y].map((y) => y + band.y0);
    const pad = 4;
    const [x0, x1] = [Math.max(0, Math.floor(Math.min(...xs)) - pad), Math.min(page.width, Math.ceil(Math.max(...xs)) + pad)];
    const [y0, y1] = [Math.max(0, Math.floor(Math.min(...ys)) - pad), Math.min(page.height, Math.ceil(Math.max(...ys)) + pad)];
    for (let y = y0; y < y1; y++) data.fill(255, (y * page.width + x0) * 4, (y * page.width + x1) * 4);
  }
}

/**
 * Every QR code on a page: decode one, paint its area white, decode again until nothing is left;
 * then the same in each half of the page, since two codes of one size (a tent card's two sides)
 * confuse the decoder's finder-pattern search when both are in view. So a page with two codes (or
 * an unexpected third) is read whole, wherever the layout put them.
 */
export function scanAll(page: PageImage, limit = 8): FoundQr[] {
  const found: FoundQr[] = [];
  const data = new Uint8ClampedArray(page.data);
  const half = Math.floor(page.height / 2);
  drain(page, data, { y0: 0, y1: page.height }, found, limit);
  drain(page, data, { y0: 0, y1: half }, found, limit);
  drain(page, data, { y0: half, y1: page.height }, found, limit);
  return found;
}
