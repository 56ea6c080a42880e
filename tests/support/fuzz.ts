/**
 * Seeds for the seeded fuzz tests. `npm test` runs a fixed range, so CI is deterministic; to
 * explore, run with FUZZ_SEED=<number> for another fixed range or FUZZ_SEED=random for a new one
 * each run. A failing seed is printed; it then becomes a named regression test.
 */
const DEFAULT_BASE = 20_261_123;
// A prime stride spreads the range over the seed space instead of testing neighbours.
const STRIDE = 7919;

export function fuzzSeeds(count: number): number[] {
  const env = process.env.FUZZ_SEED;
  const base = env === 'random' ? Date.now() >>> 0 : env ? Number(env) >>> 0 : DEFAULT_BASE;
  return Array.from({ length: count }, (_, i) => (base + i * STRIDE) >>> 0);
}
