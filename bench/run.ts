import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { benchBrowser } from './browser';
import { benchDragPan } from './drag-pan';
import { benchBundle } from './bundle';
import { benchDurability } from './load';
import { benchKill } from './kill';
import { benchDiskSync } from './disk-sync';
import { benchScale } from './scale';
import { benchExport } from './export';
import { benchProcess } from './process';
import { benchRooms } from './rooms';
import { machine, markdown, verdict, type Figure } from './lib/report';

/**
 * `npm run bench`: every benchmark in turn, then bench/results.json and docs/BENCHMARKS.md.
 * `npm run bench -- --only e,f` runs a subset (letters as in the issue). Never part of npm test.
 */
const { values } = parseArgs({ options: { only: { type: 'string' } } });

const SUITES: Record<string, { name: string; run: () => Promise<Figure[]> | Figure[] }> = {
  a: { name: 'server load at conference scale', run: benchScale },
  b: { name: 'durable writes', run: async () => [...(await benchDiskSync()), ...(await benchDurability()), ...(await benchKill())] },
  c: { name: 'cold open in Chromium', run: benchBrowser },
  d: { name: 'drag and pan in Chromium, mouse at 60 Hz unawaited', run: benchDragPan },
  e: { name: 'bundle', run: benchBundle },
  f: { name: 'export', run: benchExport },
  g: { name: 'rooms', run: benchRooms },
  h: { name: 'process: idle memory, cold start, memory at 1,000 clients', run: benchProcess },
};

const only = values.only?.split(',').map((s) => s.trim());
const chosen = Object.keys(SUITES).filter((k) => !only || only.includes(k));

const figures: Figure[] = [];
for (const key of chosen) {
  const suite = SUITES[key]!;
  const start = performance.now();
  process.stderr.write(`bench ${key} (${suite.name})…\n`);
  figures.push(...(await suite.run()));
  process.stderr.write(`bench ${key} done in ${((performance.now() - start) / 1000).toFixed(1)} s\n`);
}

const root = fileURLToPath(new URL('../', import.meta.url));
// A partial run (--only) updates its own figures and keeps the others from the last full run.
if (only && existsSync(`${root}bench/results.json`)) {
  const previous = (JSON.parse(readFileSync(`${root}bench/results.json`, 'utf8')) as { figures: Figure[] }).figures;
  // Groups are named after their suite's letter ("a. Server load: plenary"): a suite that ran
  // replaces all its old figures, including groups it no longer produces.
  const suiteOf = (f: Figure): string => f.group.split('.')[0]!;
  figures.unshift(...previous.filter((f) => !chosen.includes(suiteOf(f))).map(({ verdict: _v, ...f }: Figure & { verdict?: string }) => f));
  figures.sort((a, b) => a.group.localeCompare(b.group));
}
const m = machine();
const results = { machine: m, figures: figures.map((f) => ({ ...f, verdict: verdict(f) })) };
mkdirSync(`${root}docs`, { recursive: true });
writeFileSync(`${root}bench/results.json`, `${JSON.stringify(results, null, 2)}\n`);
const analysis = existsSync(`${root}bench/analysis.md`) ? readFileSync(`${root}bench/analysis.md`, 'utf8') : '';
writeFileSync(`${root}docs/BENCHMARKS.md`, markdown(m, figures, analysis));
for (const f of figures) process.stdout.write(`${verdict(f).padEnd(4)} ${f.label}: ${f.value} ${f.unit}\n`);
