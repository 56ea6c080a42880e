/**
 * User-timing marks along a board's opening (`wcb:<step>`), so a trace or the cold-open benchmark
 * (bench/browser.ts) shows where the time went: a handful per board opened.
 */
export function markOpen(step: string): void {
  globalThis.performance?.mark?.(`wcb:${step}`);
}
