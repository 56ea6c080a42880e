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

/**
 * Every QR code on a page: decode one, paint its area white, decode again until nothing is left,
 * so a page with two codes (or an unexpected third) is read whole, wherever the layout put them.
 */
export function scanAll(page: PageImage, limit = 8): FoundQr[] {
  const found: FoundQr[] = [];
  const data = new Uint8ClampedArray(page.data);
  for (let i = 0; i < limit; i++) {
    const code = jsQR(data, page.width, page.height, { inversionAttempts: 'dontInvert' });
    if (!code) break;
    const { topLeftCorner: a, topRightCorner: b, bottomLeftCorner: c, bottomRightCorner: d } = code.location;
    found.push({ text: code.data, side: Math.hypot(b.x - a.x, b.y - a.y) });
    const xs = [a.x, b.x, c.x, d.x];
    const ys = [a.y, b.y, c.y, d.y];
    const pad = 4;
    const [x0, x1] = [Math.max(0, Math.floor(Math.min(...xs)) - pad), Math.min(page.width, Math.ceil(Math.max(...xs)) + pad)];
    const [y0, y1] = [Math.max(0, Math.floor(Math.min(...ys)) - pad), Math.min(page.height, Math.ceil(Math.max(...ys)) + pad)];
    for (let y = y0; y < y1; y++) data.fill(255, (y * page.width + x0) * 4, (y * page.width + x1) * 4);
  }
  return found;
}
