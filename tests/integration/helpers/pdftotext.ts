/** Reading PDFs back with poppler's pdftotext (poppler-utils; tests that need it use describeNeeding). */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export type PdfWord = { x0: number; y0: number; x1: number; y1: number; text: string };
export type PdfPage = { width: number; height: number; words: PdfWord[] };

const unescapeXml = (text: string) =>
  text.replace(/&(lt|gt|quot|apos|amp|#39);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&', '#39': "'" })[name]!);

/** The text of a PDF file in UTF-8; `options` as pdftotext takes them ('-layout', '-raw'). */
export async function pdfText(file: string, ...options: string[]): Promise<string> {
  return (await run('pdftotext', [...options, '-enc', 'UTF-8', file, '-'], { maxBuffer: 1 << 26 })).stdout;
}

/** pdfText of a PDF held in memory (an HTTP answer), through a temporary file. */
export async function pdfBytesText(bytes: Uint8Array, ...options: string[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'wcb-pdftotext-'));
  try {
    await writeFile(join(dir, 'read.pdf'), bytes);
    return await pdfText(join(dir, 'read.pdf'), ...options);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Each page's words with their boxes (pdftotext -bbox: points from the top left). */
export async function pdfWordBoxes(file: string): Promise<PdfPage[]> {
  return (await pdfText(file, '-bbox'))
    .split('<page ')
    .slice(1)
    .map((page) => {
      const [, w = '0', h = '0'] = /width="([\d.]+)" height="([\d.]+)"/.exec(page) ?? [];
      const words = [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
        x0: Number(m[1]),
        y0: Number(m[2]),
        x1: Number(m[3]),
        y1: Number(m[4]),
        text: unescapeXml(m[5]!),
      }));
      return { width: Number(w), height: Number(h), words };
    });
}
