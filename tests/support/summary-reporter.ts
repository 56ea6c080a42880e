import type { Reporter, SerializedError, TestModule } from 'vitest/node';

/**
 * Prints one machine-readable line at the end of a run, for CI runners that do not parse Vitest's
 * own summary:
 *
 *   12 passed, 0 failed
 *   12 passed, 1 failed, 2 skipped
 *
 * A test file that failed before any of its tests could run (import error, failing beforeAll
 * with no tests collected) and every unhandled error count as one failure each, so the line never
 * says "0 failed" for a run that Vitest itself fails.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const mod of testModules) {
      let tests = 0;
      for (const test of mod.children.allTests()) {
        tests++;
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        // 'skipped' covers skip/todo; 'pending' means it never ran (run interrupted or bail).
        else skipped++;
      }
      if (tests === 0 && mod.state() === 'failed') failed++;
      else if (mod.errors().length > 0 && !hasFailedTest(mod)) failed++;
    }
    failed += unhandledErrors.length;
    const line = `${passed} passed, ${failed} failed` + (skipped > 0 ? `, ${skipped} skipped` : '');
    process.stdout.write(`\n${line}\n`);
  }
}

function hasFailedTest(mod: TestModule): boolean {
  for (const _ of mod.children.allTests('failed')) return true;
  return false;
}
