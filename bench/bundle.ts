import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Figure } from './lib/report';

const DIST = fileURLToPath(new URL('../client/dist/', import.meta.url));
const KB = 1024;

const gz = (file: string): number => gzipSync(readFileSync(`${DIST}${file}`), { level: 9 }).byteLength;

/** e. Bundle: what the first load of the app costs (entry JS + CSS + module preloads, gzip), and every lazy chunk. */
export function benchBundle(): Figure[] {
  const html = readFileSync(`${DIST}index.html`, 'utf8');
  const initial = [
    ...[...html.matchAll(/<script[^>]+src="\/([^"]+)"/g)].map((m) => m[1]!),
    ...[...html.matchAll(/<link[^>]+href="\/([^"]+\.(?:css|js))"/g)].map((m) => m[1]!),
  ];
  const initialSet = new Set(initial);
  const lazy = readdirSync(`${DIST}assets`)
    .map((f) => `assets/${f}`)
    .filter((f) => /\.(js|css)$/.test(f) && !initialSet.has(f));
  const initialBytes = initial.reduce((sum, f) => sum + gz(f), 0);
  return [
    {
      id: 'bundle.initial',
      group: 'e. Bundle',
      label: 'initial JS + CSS (gzip)',
      value: Math.round((initialBytes / KB) * 10) / 10,
      unit: 'KB',
      target: { op: '<=', value: 80 },
      detail: { files: Object.fromEntries(initial.map((f) => [f, gz(f)])) },
    },
    ...lazy.map(
      (f): Figure => ({
        id: `bundle.lazy.${f.replace(/^assets\/|-[\w-]{8}\.(js|css)$/g, '')}`,
        group: 'e. Bundle',
        label: `lazy: ${f.replace(/^assets\//, '')} (gzip)`,
        value: Math.round((gz(f) / KB) * 10) / 10,
        unit: 'KB',
      }),
    ),
  ];
}
