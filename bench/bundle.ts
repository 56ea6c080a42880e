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
  const board = boardRoute(initialSet);
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
    {
      id: 'bundle.board',
      group: 'e. Bundle',
      label: 'a participant link: initial + the board page and its static imports (gzip)',
      value: Math.round(((initialBytes + board.reduce((sum, f) => sum + gz(f), 0)) / KB) * 10) / 10,
      unit: 'KB',
      detail: { files: board },
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

type ManifestChunk = { file: string; css?: string[]; imports?: string[]; isEntry?: boolean };

/** The files the board page loads beyond the initial ones: its chunk, its static imports, their CSS. */
function boardRoute(initial: ReadonlySet<string>): string[] {
  const manifest = JSON.parse(readFileSync(`${DIST}.vite/manifest.json`, 'utf8')) as Record<string, ManifestChunk>;
  const key = Object.keys(manifest).find((k) => k.endsWith('views/board/BoardPage.tsx'));
  if (!key) return [];
  const seen = new Set<string>();
  const visit = (k: string) => {
    const chunk = manifest[k];
    if (!chunk || seen.has(k)) return;
    seen.add(k);
    chunk.imports?.forEach(visit);
  };
  visit(key);
  const files = [...seen].flatMap((k) => [manifest[k]!.file, ...(manifest[k]!.css ?? [])]);
  return [...new Set(files)].filter((f) => !initial.has(f));
}
