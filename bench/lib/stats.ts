/** Percentile of already-sorted numbers (nearest rank); NaN for an empty list. */
export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export type Summary = { n: number; p50: number; p95: number; p99: number; max: number; mean: number };

export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.length ? sorted.reduce((s, v) => s + v, 0) / sorted.length : Number.NaN;
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1) ?? Number.NaN, mean };
}

/** Median of a few timed runs of `fn` (after one warm-up run), in milliseconds. */
export async function timeMedian(runs: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  return (await timeAndCpuMedian(runs, fn)).ms;
}

/**
 * timeMedian, with the median CPU time of the same runs (this process, user + system, GC threads
 * included): on a machine shared with other jobs the wall time waits for a core, the CPU time less so.
 */
export async function timeAndCpuMedian(runs: number, fn: () => unknown | Promise<unknown>): Promise<{ ms: number; cpuMs: number }> {
  await fn();
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const cpu0 = process.cpuUsage();
    await fn();
    const used = process.cpuUsage(cpu0);
    times.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
  const median = (values: number[]) => percentile(values.sort((a, b) => a - b), 50);
  return { ms: median(times), cpuMs: median(cpu) };
}

export const round = (v: number, digits = 2): number => (Number.isFinite(v) ? Math.round(v * 10 ** digits) / 10 ** digits : v);
