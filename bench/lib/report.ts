import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';

/** One measured figure, with the target it is held to (if any). */
export type Figure = {
  id: string;
  group: string;
  label: string;
  value: number;
  unit: string;
  /** value must be <= (or >=) this to pass. */
  target?: { op: '<=' | '>='; value: number; note?: string };
  /** Why the figure is not judged (e.g. the load generator was the limit). */
  skipReason?: string;
  detail?: Record<string, unknown>;
};

export type Verdict = 'pass' | 'miss' | 'n/a';

export const verdict = (f: Figure): Verdict => {
  if (!f.target || f.skipReason || !Number.isFinite(f.value)) return 'n/a';
  return (f.target.op === '<=' ? f.value <= f.target.value : f.value >= f.target.value) ? 'pass' : 'miss';
};

export type Machine = { cpus: number; cpuModel: string; memoryGiB: number; node: string; date: string; commit: string };

export function machine(): Machine {
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    // Not a git checkout: the report says so.
  }
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    date: new Date().toISOString(),
    commit,
  };
}

const fmt = (v: number): string => (Number.isInteger(v) ? String(v) : v.toFixed(Math.abs(v) < 10 ? 2 : 1));

/**
 * The Markdown report: machine, then one table per group with each figure against its target,
 * then `analysis` (bench/analysis.md: why a miss is a miss and what was tried), verbatim.
 */
export function markdown(m: Machine, figures: readonly Figure[], analysis = ''): string {
  const out = [
    '# Benchmarks',
    '',
    'Produced by `npm run bench` (bench/run.ts); the raw figures are in `bench/results.json`.',
    '',
    `Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node}. Date ${m.date}. Commit \`${m.commit}\`.`,
    '',
  ];
  const groups = [...new Set(figures.map((f) => f.group))];
  for (const group of groups) {
    out.push(`## ${group}`, '', '| figure | value | target | verdict |', '|---|---:|---|---|');
    for (const f of figures.filter((x) => x.group === group)) {
      const target = f.target ? `${f.target.op} ${fmt(f.target.value)} ${f.unit}${f.target.note ? ` (${f.target.note})` : ''}` : '—';
      const v = verdict(f);
      const why = f.skipReason ? ` — ${f.skipReason}` : '';
      out.push(`| ${f.label} | ${fmt(f.value)} ${f.unit} | ${target} | ${v === 'pass' ? '✅ pass' : v === 'miss' ? '❌ miss' : 'n/a'}${why} |`);
    }
    out.push('');
  }
  if (analysis.trim()) out.push(analysis.trim(), '');
  return `${out.join('\n')}\n`;
}
